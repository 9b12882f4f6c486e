// Builds the web app when its bundle is missing or older than its sources, so browser tests run the current code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = fileURLToPath(new URL('../../../', import.meta.url));
export const WEB_DIST = join(WEB_DIR, 'dist');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Whether dist/index.html is older than any source, the page template or the build config. */
export function webBuildIsStale(): boolean {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = [join(WEB_DIR, 'src'), join(WEB_DIR, 'index.html'), join(WEB_DIR, 'vite.config.ts')];
  return sources.some((source) => newestMtime(source) > built);
}

/** `vite build` in-process (about a second); a no-op when the bundle is current. */
export async function ensureWebBuild(): Promise<void> {
  if (!webBuildIsStale()) return;
  const { build } = await import('vite');
  // Vitest sets NODE_ENV=test, which would bundle React's development build (twice the size, StrictMode's double
  // requests): the tests must exercise what `npm run build` ships.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: WEB_DIR, mode: 'production', logLevel: 'warn', configFile: join(WEB_DIR, 'vite.config.ts') });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}
