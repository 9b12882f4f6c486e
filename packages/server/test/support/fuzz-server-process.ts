// A Kaizen server in a process of its own, for the ingest fuzz test: its memory is measured alone (not the test's
// buffers), and its survival is a fact (the process is still running), not an assumption.
// Run by fork() with one argument, the JSON of FuzzServerConfig; it talks to the test over the IPC channel.
import { generateApiKey, openStore } from '@kaizen/store';
import { startServer } from '../../src/index.js';

export interface FuzzServerConfig {
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly maxBodyBytes: number;
  readonly maxInflatedBytes: number;
}

export type FuzzServerMessage =
  | { readonly type: 'ready'; readonly url: string; readonly keys: Record<'refused' | 'partial', FuzzProject> }
  | { readonly type: 'stats'; readonly baselineRss: number; readonly peakRss: number; readonly logged: string[] };

export interface FuzzProject {
  readonly projectId: string;
  readonly key: string;
}

const send = (message: FuzzServerMessage) => process.send?.(message);

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as FuzzServerConfig;
  const store = await openStore(
    config.databaseUrl !== undefined ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir ?? '' },
  );
  const keys = {} as Record<'refused' | 'partial', FuzzProject>;
  for (const name of ['refused', 'partial'] as const) {
    const project = await store.createProject(`fuzz-${name}`);
    const { key, prefix, hash } = generateApiKey();
    await store.createApiKey(project.id, hash, prefix);
    keys[name] = { projectId: project.id, key };
  }
  const logged: string[] = [];
  const server = await startServer({
    store,
    port: 0,
    maxBodyBytes: config.maxBodyBytes,
    maxInflatedBytes: config.maxInflatedBytes,
    logger: (line) => logged.push(line),
  });
  const baselineRss = process.memoryUsage().rss;
  let peakRss = baselineRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  process.on('message', (message: unknown) => {
    if (message === 'stats') send({ type: 'stats', baselineRss, peakRss, logged });
    if (message === 'close') {
      clearInterval(sampler);
      void server
        .close()
        .then(() => store.close())
        .then(() => process.exit(0));
    }
  });
  send({ type: 'ready', url: server.url, keys });
}

await main();
