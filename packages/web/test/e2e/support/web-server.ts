// A real Kaizen server on an ephemeral port, over a fresh SQLite store, serving the built web app.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, type ServerOptions, startServer } from '@kaizen/server';
import { generateApiKey, openStore, type Project, type Store } from '@kaizen/store';
import { WEB_DIST } from './web-build.js';

export interface WebServer {
  readonly url: string;
  /** An API key of `project`, for seeding through the API and for signing in. */
  readonly key: string;
  readonly project: Project;
  readonly store: Store;
  readonly server: RunningServer;
  close(): Promise<void>;
}

/**
 * @example
 * const web = await startWebServer();
 * await fetch(`${web.url}/api/prompts`, { headers: { authorization: `Bearer ${web.key}` } });
 * await web.close();
 */
export async function startWebServer(options: Partial<ServerOptions> = {}): Promise<WebServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kaizen-web-'));
  const store = await openStore({ dataDir: dir });
  const project = await store.createProject('web-e2e');
  const { key, prefix, hash } = generateApiKey();
  await store.createApiKey(project.id, hash, prefix);
  const server = await startServer({
    store,
    host: '127.0.0.1',
    port: 0,
    logger: () => undefined,
    webRoot: WEB_DIST,
    sessionSecret: 'web-e2e-secret',
    ...options,
  } as ServerOptions);
  return {
    url: server.url,
    key,
    project,
    store,
    server,
    async close() {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A JSON request to the API with the key, failing loudly on an error status. */
export async function apiRequest<T>(web: WebServer, path: string, method = 'GET', body?: unknown): Promise<T> {
  const response = await fetch(`${web.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${web.key}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}
