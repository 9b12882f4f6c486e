// The built web app at `/`: files with their types and caching, the SPA fallback, security headers, no way out of the
// folder, a clear 503 when it was never built — and the API's auth unchanged beside it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_WEB_ROOT } from '../src/http/static-web.js';
import { staticPathIn } from '../src/http/static-web-files.js';
import { SQLITE } from './support/backends.js';
import { useTestServer } from './support/test-server.js';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
const INDEX = '<!doctype html><html><head><script type="module" src="/assets/app-1a2b.js"></script></head></html>';
const SECRET = 'TOP-SECRET-OUTSIDE-THE-WEB-ROOT';

/** dist/ with an app, beside a file that must never be served. */
function makeWebRoot(): { readonly folder: string; readonly webRoot: string } {
  const folder = mkdtempSync(join(tmpdir(), 'kaizen-static-'));
  const webRoot = join(folder, 'dist');
  mkdirSync(join(webRoot, 'assets', 'nested'), { recursive: true });
  writeFileSync(join(webRoot, 'index.html'), INDEX);
  writeFileSync(join(webRoot, 'assets', 'app-1a2b.js'), 'console.log("app")');
  writeFileSync(join(webRoot, 'assets', 'app-1a2b.css'), 'body{color:red}');
  writeFileSync(join(webRoot, 'assets', 'nested', 'font.woff2'), 'wOF2');
  writeFileSync(join(webRoot, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(webRoot, '.env'), SECRET);
  writeFileSync(join(folder, 'secret.txt'), SECRET);
  writeFileSync(join(folder, 'dist-evil.txt'), SECRET);
  return { folder, webRoot };
}

/** A request with the path exactly as written: fetch would normalise `..` before sending. */
function rawGet(url: string, path: string, headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(url);
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const request = http.request({ hostname, port, path, method: 'GET', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: response.headers,
        }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

const roots: string[] = [];
afterAll(() => {
  for (const folder of roots) rmSync(folder, { recursive: true, force: true });
});

describe('static web app', () => {
  const { folder, webRoot } = makeWebRoot();
  roots.push(folder);
  const context = useTestServer(SQLITE, { webRoot });
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${context().url}${path}`, { headers });

  it('serves index.html at / with no-cache and the security headers, without auth', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const head = await fetch(`${context().url}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('serves assets with their content type, cached for a year as immutable', async () => {
    const cases: [string, string, string][] = [
      ['/assets/app-1a2b.js', 'text/javascript; charset=utf-8', 'console.log("app")'],
      ['/assets/app-1a2b.css', 'text/css; charset=utf-8', 'body{color:red}'],
      ['/assets/nested/font.woff2', 'font/woff2', 'wOF2'],
    ];
    for (const [path, type, body] of cases) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe(type);
      expect(response.headers.get('cache-control'), path).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(await response.text(), path).toBe(body);
    }
    const icon = await get('/favicon.svg');
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(icon.headers.get('cache-control')).toBe('no-cache');
    expect(icon.headers.get('content-security-policy')).toBe(CSP);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await get('/');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"/);
    const second = await get('/', { 'if-none-match': etag });
    expect(second.status).toBe(304);
    expect(second.headers.get('cache-control')).toBe('no-cache');
  });

  it('falls back to index.html for app routes a browser navigates to; 404 for missing assets and non-HTML asks', async () => {
    const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
    for (const path of ['/traces', '/traces/0123456789abcdef0123456789abcdef', '/prompts/support?tab=history']) {
      const response = await get(path, html);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toBe(INDEX);
      expect(response.headers.get('content-security-policy'), path).toBe(CSP);
    }
    const missingAsset = await get('/assets/app-old.js', html);
    expect(missingAsset.status).toBe(404);
    expect(await missingAsset.text()).toBe('not found');
    expect((await get('/traces', { accept: 'application/json' })).status).toBe(404);
    expect((await get('/robots.txt', { accept: '*/*' })).status).toBe(404);
    // Other methods outside the API: no route.
    expect((await fetch(`${context().url}/traces`, { method: 'POST' })).status).toBe(404);
  });

  it('never serves a file outside the web root, however the path is spelled', async () => {
    const html = { accept: 'text/html' };
    const paths = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/%252e%252e/secret.txt',
      `/${join(folder, 'secret.txt')}`,
      `/${encodeURIComponent(join(folder, 'secret.txt'))}`,
      '//etc/passwd',
      '/%2Fetc%2Fpasswd',
      '/../dist-evil.txt',
      '/.env',
      '/assets/%00.js',
      '/%E0%A4%A',
    ];
    for (const path of paths) {
      for (const headers of [{}, html]) {
        const response = await rawGet(context().url, path, headers);
        expect(response.body, path).not.toContain(SECRET);
        expect(response.body, path).not.toContain('root:');
        // Either nothing, or the app itself.
        if (response.status === 200) expect(response.body, path).toBe(INDEX);
        else expect([400, 404], path).toContain(response.status);
      }
    }
  });

  it('keeps /api behind auth and /health open', async () => {
    expect((await get('/api/traces', { accept: 'text/html' })).status).toBe(401);
    expect((await get('/api/unknown', { accept: 'text/html' })).status).toBe(401);
    expect((await get('/api', { accept: 'text/html' })).status).not.toBe(200);
    expect((await get('/v1/traces', { accept: 'text/html' })).status).toBe(405);
    expect((await get('/health')).status).toBe(200);
  });
});

describe('static web app not built', () => {
  const folder = mkdtempSync(join(tmpdir(), 'kaizen-static-empty-'));
  roots.push(folder);
  const lines: string[] = [];
  const context = useTestServer(SQLITE, { webRoot: join(folder, 'dist'), logger: (line) => lines.push(line) });

  it('answers 503 with how to build it, and logs it once', async () => {
    expect(lines.filter((line) => line.startsWith('web app not built'))).toEqual([]);
    const response = await fetch(`${context().url}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/^web app not built: run npm run build/);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect((await fetch(`${context().url}/traces`, { headers: { accept: 'text/html' } })).status).toBe(503);
    expect((await fetch(`${context().url}/assets/app.js`)).status).toBe(404);
    expect(lines.filter((line) => line.startsWith('web app not built'))).toHaveLength(1);
  });
});

describe('no web app', () => {
  const context = useTestServer(SQLITE, { webRoot: null });

  it('serves nothing at / when webRoot is null', async () => {
    expect((await fetch(`${context().url}/`, { headers: { accept: 'text/html' } })).status).toBe(404);
  });
});

describe('staticPathIn', () => {
  it('resolves inside the root and refuses every way out', () => {
    expect(staticPathIn('/srv/dist', '/assets/app.js')).toBe('/srv/dist/assets/app.js');
    expect(staticPathIn('/srv/dist/', '/a%20b.txt')).toBe('/srv/dist/a b.txt');
    for (const path of [
      '/',
      '/../x',
      '/assets/..%2f..%2fx',
      '/%2e%2e/x',
      '/a\\..\\x',
      '/.git/config',
      '/%zz',
      '/a%00',
    ]) {
      expect(staticPathIn('/srv/dist', path), path).toBeNull();
    }
    // A decoded absolute path stays under the root.
    expect(staticPathIn('/srv/dist', '/%2Fetc%2Fpasswd')).toBe('/srv/dist/etc/passwd');
  });

  it('defaults to packages/web/dist beside the server package', () => {
    expect(DEFAULT_WEB_ROOT.replaceAll('\\', '/')).toMatch(/packages\/web\/dist$/);
  });
});
