// Serves the built web app (packages/web/dist) at `/`: files, the SPA fallback to index.html, and the security headers.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, Env, Hono } from 'hono';
import { readStaticFile, type StaticFile, staticPathIn } from './static-web-files.js';

/** packages/web/dist beside this package, found from this file's location (no import of web code). */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export const WEB_NOT_BUILT = 'web app not built: run npm run build -w @kaizen/web';

/**
 * On every static response, not only HTML: an SVG opened directly runs scripts too. Trace contents are shown by
 * the app as text; this policy is the second line (no inline or foreign script, no framing, no plugin).
 */
export const WEB_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/** Vite puts content-hashed names here: a changed file gets a new name, so browsers may keep these forever. */
const ASSETS_PREFIX = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface StaticWebOptions {
  /** The folder holding index.html and assets/. */
  readonly webRoot: string;
  /** Told once, at the first request that finds no build. */
  readonly logger?: ((line: string) => void) | undefined;
}

function isApiPath(path: string): boolean {
  return /^\/(api|v1)(\/|$)/.test(path) || path === '/health';
}

function respond(c: Context, status: 200 | 404 | 503, body: string | Buffer, headers: Record<string, string>) {
  for (const [name, value] of Object.entries({ ...WEB_SECURITY_HEADERS, ...headers })) c.header(name, value);
  return c.body(typeof body === 'string' ? body : new Uint8Array(body), status);
}

function sendFile(c: Context, file: StaticFile, cacheControl: string) {
  const headers = { 'content-type': file.contentType, 'cache-control': cacheControl, etag: file.etag };
  if (c.req.header('if-none-match') === file.etag) {
    for (const [name, value] of Object.entries({ ...WEB_SECURITY_HEADERS, ...headers })) c.header(name, value);
    return c.body(null, 304);
  }
  return respond(c, 200, file.body, headers);
}

function plain(c: Context, status: 404 | 503, text: string) {
  return respond(c, status, text, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
}

/**
 * Registered last, after the API: GET and HEAD of any path outside /api, /v1 and /health. No auth — the files are
 * the same for everyone; the data comes from /api, which keeps its auth.
 *
 * @example
 * registerStaticWeb(app, { webRoot: DEFAULT_WEB_ROOT });
 */
export function registerStaticWeb<E extends Env>(app: Hono<E>, options: StaticWebOptions): void {
  const indexPath = join(options.webRoot, 'index.html');
  let toldNotBuilt = false;

  async function sendIndex(c: Context) {
    const index = await readStaticFile(indexPath);
    if (index === null) {
      // Looked up on each request, so a build made while the server runs is picked up without a restart.
      if (!toldNotBuilt) options.logger?.(`${WEB_NOT_BUILT} (no index.html in ${options.webRoot})`);
      toldNotBuilt = true;
      return plain(c, 503, WEB_NOT_BUILT);
    }
    return sendFile(c, index, 'no-cache');
  }

  app.get('*', async (c, next) => {
    const path = new URL(c.req.url).pathname;
    if (isApiPath(path)) return next();
    if (path === '/') return sendIndex(c);
    const filePath = staticPathIn(options.webRoot, path);
    const file = filePath === null ? null : await readStaticFile(filePath);
    if (file !== null) {
      if (filePath === indexPath) return sendFile(c, file, 'no-cache');
      return sendFile(c, file, path.startsWith(ASSETS_PREFIX) ? IMMUTABLE : 'no-cache');
    }
    // A missing asset is a stale page or a typo: answering index.html would run as a script and fail obscurely.
    if (path.startsWith(ASSETS_PREFIX)) return plain(c, 404, 'not found');
    // Client-side routes (/traces/abc) are the app's: a browser navigating there gets index.html.
    if ((c.req.header('accept') ?? '').includes('text/html')) return sendIndex(c);
    return plain(c, 404, 'not found');
  });
}
