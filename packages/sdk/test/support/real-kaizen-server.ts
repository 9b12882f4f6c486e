// The real Kaizen server (packages/server) over a fresh SQLite store in a temp dir, with a project and API key.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '@kaizen/server';
import { generateApiKey, openStore } from '@kaizen/store';

export interface RealKaizen {
  readonly url: string;
  readonly apiKey: string;
  /** Stops the server and deletes its data; later calls do nothing (a test may stop it early: "server down"). */
  close(): Promise<void>;
}

/**
 * @example
 * const kaizen = await startRealKaizen();
 * const client = init({ url: kaizen.url, apiKey: kaizen.apiKey, environment: 'production' });
 */
export async function startRealKaizen(): Promise<RealKaizen> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kaizen-sdk-'));
  const store = await openStore({ dataDir });
  const project = await store.createProject('sdk-tests');
  const { key, prefix, hash } = generateApiKey();
  await store.createApiKey(project.id, hash, prefix);
  // Inline ingest: worker threads would load the TypeScript sources again for a handful of spans.
  const server = await startServer({ store, port: 0, ingestWorkers: 0 });
  let closed: Promise<void> | undefined;
  return {
    url: server.url,
    apiKey: key,
    close() {
      closed ??= (async () => {
        await server.close();
        await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      })();
      return closed;
    },
  };
}
