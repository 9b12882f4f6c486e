// Starts a real server on an ephemeral port over a store, with a project and key made through the store.
import { generateApiKey, type Project, type Store } from '@kaizen/store';
import { afterAll, beforeAll } from 'vitest';
import { type RunningServer, type ServerOptions, startServer } from '../../src/index.js';
import type { Backend, OpenedStore } from './backends.js';

export interface ProjectKey {
  readonly project: Project;
  readonly key: string;
}

export async function createProjectWithKey(store: Store, name: string): Promise<ProjectKey> {
  const project = await store.createProject(`${name}-${Math.random().toString(36).slice(2, 8)}`);
  const { key, prefix, hash } = generateApiKey();
  await store.createApiKey(project.id, hash, prefix);
  return { project, key };
}

export interface TestServer {
  readonly server: RunningServer;
  readonly store: Store;
  readonly url: string;
  /** Key of the suite's main project. */
  readonly key: string;
  readonly project: Project;
}

/**
 * One server and store for a whole describe block (tests use distinct trace ids), closed after it.
 *
 * @example
 * const context = useTestServer(backend); it('…', async () => { await fetch(`${context().url}/health`); });
 */
export function useTestServer(backend: Backend, options: Partial<ServerOptions> = {}): () => TestServer {
  let opened: OpenedStore | null = null;
  let current: TestServer | null = null;
  beforeAll(async () => {
    opened = await backend.open();
    const { project, key } = await createProjectWithKey(opened.store, 'main');
    const server = await startServer({ store: opened.store, port: 0, ...options });
    current = { server, store: opened.store, url: server.url, key, project };
  });
  afterAll(async () => {
    await current?.server.close();
    await opened?.dispose();
  });
  return () => {
    if (current === null) throw new Error('the test server exists only inside tests');
    return current;
  };
}
