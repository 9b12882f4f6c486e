// Finds a file of the built web app for a URL path, never outside its folder, with its content type.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
  /** Weak validator from size and modification time: enough for files a build writes whole. */
  readonly etag: string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file's path under `root` for a URL path (percent-encoded, as the URL carries it), or null when the path could
 * leave the folder or names something a build never writes: `..` in any spelling, NUL, backslashes, dotfiles.
 *
 * @example
 * staticPathIn('/srv/dist', '/assets/index-abc.js'); // '/srv/dist/assets/index-abc.js'
 * staticPathIn('/srv/dist', '/assets/..%2f..%2fetc/passwd'); // null
 */
export function staticPathIn(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.length === 0 || segments.some((segment) => segment.startsWith('.'))) return null;
  const base = resolve(root);
  // join, never resolve: a decoded "//etc/passwd" must stay under the root, not become absolute.
  const path = join(base, ...segments);
  return path.startsWith(base + sep) ? path : null;
}

/** The file, or null when it does not exist or is not a regular file (a folder, a socket). */
export async function readStaticFile(path: string): Promise<StaticFile | null> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return null;
    const body = await readFile(path);
    return {
      body,
      contentType: contentTypeOf(path),
      etag: `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`,
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return null;
    throw error;
  }
}
