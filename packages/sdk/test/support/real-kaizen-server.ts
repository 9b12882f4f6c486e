// The real Kaizen server (packages/server) over a fresh SQLite store in a temp dir, with a project and API key.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '@kaizen/server';
import { generateApiKey } from '@kaizen/store';
import { openSqliteStore } from '@kaizen/store/sqlite';

export interface RealKaizen {
  readonly url: string;
  readonly apiKey: string;
  close(): Promise<void>;
}

/**
 * @example
 * const kaizen = await startRealKaizen();
 * const client = init({ url: kaizen.url, apiKey: kaizen.apiKey, environment: 'production' });
 */
export async function startRealKaizen(): Promise<RealKaizen> {
  const directory = mkdtempSync(join(tmpdir(), 'kaizen-sdk-'));
  const store = await openSqliteStore({ file: join(directory, 'kaizen.db') });
  await store.migrate();
  const project = await store.createProject('sdk-tests');
  const { key, prefix, hash } = generateApiKey();
  await store.createApiKey(project.id, hash, prefix);
  // Inline ingest: worker threads would load the TypeScript sources again for a handful of spans.
  const server = await startServer({ store, port: 0, ingestWorkers: 0 });
  return {
    url: server.url,
    apiKey: key,
    async close() {
      await server.close();
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
