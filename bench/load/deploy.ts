// The two deployments bench:load compares: Postgres with 2 `serve --no-work` + 1 `worker`, SQLite with 1 `serve`.
import { childEnv, type KaizenProcess, runKaizen, startKaizen } from './kaizen-process.js';
import { postgresReader, sqliteReader } from './read-store.js';
import { type Deployment, EVALUATOR_NAME } from './run-scenario.js';

const LISTENING = /listening on (http:\/\/\S+)/;
const PROJECT = 'bench-load';

/** `servers` × `kaizen serve --no-work` and `workers` × `kaizen worker` on one Postgres (the job queue lives there too). */
export async function deployPostgres(databaseUrl: string, servers: number, workers: number): Promise<Deployment> {
  const env = childEnv({ KAIZEN_DATABASE_URL: databaseUrl });
  // keys create migrates the schema first, so the servers and workers below do not race to do it.
  const key = (await runKaizen(['keys', 'create', '--project', PROJECT], env)).trim();
  const processes: KaizenProcess[] = [];
  for (let index = 0; index < servers; index += 1) {
    processes.push(await startKaizen(`server ${index + 1}`, ['serve', '--no-work', '--port', '0'], env, LISTENING));
  }
  for (let index = 0; index < workers; index += 1) {
    processes.push(await startKaizen(`worker ${index + 1}`, ['worker'], env, /worker taking jobs/));
  }
  return {
    targets: processes.slice(0, servers).map((started) => started.ready),
    processes,
    servers,
    workers,
    key,
    openReader: () => postgresReader(databaseUrl, EVALUATOR_NAME),
  };
}

/** One `kaizen serve --data DIR`: ingest and online evaluation in one process, on the embedded SQLite store. */
export async function deploySqlite(dataDir: string): Promise<Deployment> {
  const env = childEnv({});
  const key = (await runKaizen(['keys', 'create', '--project', PROJECT, '--data', dataDir], env)).trim();
  const server = await startKaizen('server', ['serve', '--port', '0', '--data', dataDir], env, LISTENING);
  return {
    targets: [server.ready],
    processes: [server],
    servers: 1,
    workers: 0,
    key,
    openReader: () => sqliteReader(dataDir, EVALUATOR_NAME),
  };
}
