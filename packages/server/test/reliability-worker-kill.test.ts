// Kill -9 a worker in the middle of an optimization run and of a server-side experiment, with model calls in flight:
// once the job's lease expires, a new worker completes the work, and no request is answered twice — every answer the
// killed worker was delivered is found in the cache (the calls hanging at the kill were never answered).
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '@kaizen/store';
import { createTestDatabase, describePostgres, dropTestDatabase } from '@kaizen/store/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPgBossJobQueue, JOB_QUEUES, type RunningServer, startServer } from '../src/index.js';
import { CountingModels, client, finished, ITEMS, type Run, setUp, start } from './support/optimization-setup.js';
import { createProjectWithKey } from './support/test-server.js';
import type { WorkerProcessConfig } from './support/worker-process.js';

/** Short, so the killed worker's job comes back within seconds (maintenance looks every second). */
const LEASE_SECONDS = 3;

interface WorkerProcess {
  readonly child: ChildProcess;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

async function startWorkerProcess(config: WorkerProcessConfig): Promise<WorkerProcess> {
  const child = fork(new URL('./support/worker-process.ts', import.meta.url), [JSON.stringify(config)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`worker process exited with ${code} before it was ready`)));
  });
  const ended = (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    return exited;
  };
  return { child, kill: () => ended('SIGKILL'), stop: () => ended('SIGTERM') };
}

/** The log's delivered answers (request hashes), and whether the calls had started hanging. */
function readLog(file: string): { answers: string[]; holding: boolean } {
  const lines = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
    : [];
  return { answers: lines.filter((line) => line !== 'hold'), holding: lines.includes('hold') };
}

async function waitFor<T>(read: () => Promise<T> | T, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const duplicates = (values: readonly string[]) => values.filter((value, index) => values.indexOf(value) !== index);

describePostgres('kill -9 a worker with model calls in flight (postgres)', () => {
  let databaseUrl: string;
  let store: Store;
  let server: RunningServer;
  const dir = mkdtempSync(join(tmpdir(), 'kaizen-worker-kill-'));
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    store = await openStore({ databaseUrl });
    const queue = await createPgBossJobQueue({
      connectionString: databaseUrl,
      leaseSeconds: { [JOB_QUEUES.optimization]: LEASE_SECONDS, [JOB_QUEUES.experiment]: LEASE_SECONDS },
      logger: () => undefined,
    });
    server = await startServer({ store, port: 0, logger: () => undefined, jobs: { queue, work: false } });
  });
  afterAll(async () => {
    for (const worker of workers) await worker.kill();
    await server?.close();
    await store?.close();
    if (databaseUrl !== undefined) await dropTestDatabase(databaseUrl);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Kills a worker once `holdFrom - 1` answers are delivered and calls hang, then lets a fresh worker finish. */
  async function killMidway(logFile: string, holdFrom: number, finishedWhen: () => Promise<boolean>): Promise<void> {
    const first = await startWorkerProcess({ databaseUrl, leaseSeconds: LEASE_SECONDS, logFile, holdFrom });
    workers.push(first);
    await waitFor(
      () => readLog(logFile),
      (log) => log.holding,
      'calls hanging in the first worker',
    );
    // The answers delivered before the hang are written to the cache as they arrive: give the last writes a moment.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(readLog(logFile).answers.length).toBeGreaterThan(0);
    await first.kill();
    expect(await finishedWhen()).toBe(false);

    const second = await startWorkerProcess({ databaseUrl, leaseSeconds: LEASE_SECONDS, logFile, holdFrom: null });
    workers.push(second);
    await waitFor(finishedWhen, (done) => done, 'the work finished by the second worker');
    await second.stop();
  }

  it('an optimization run completes on a new worker, no answered request asked again', async () => {
    // Reference: the same run in one piece, in-process, counting the answers it needed.
    const models = new CountingModels();
    const plain = await startServer({
      store,
      port: 0,
      logger: () => undefined,
      optimization: { resolveModel: models.resolve },
    });
    const reference = await createProjectWithKey(store, 'reference');
    const referenceCall = client(plain.url, reference.key);
    await setUp(referenceCall);
    const whole = await finished(referenceCall, (await start(referenceCall)).id);
    await plain.close();
    // Completed, or stopped by the plateau rule: an end either way, which the split run must reach too.
    expect(['running', 'failed', 'cancelled', 'interrupted']).not.toContain(whole.status);

    const killed = await createProjectWithKey(store, 'killed');
    const call = client(server.url, killed.key);
    await setUp(call);
    const logFile = join(dir, 'optimization.log');
    const runId = (await start(call)).id;
    await killMidway(logFile, Math.floor(models.delivered / 2), async () => {
      const run = (await call('GET', `/api/optimizations/${runId}`)).body as unknown as Run;
      return run.status !== 'running';
    });

    const run = (await call('GET', `/api/optimizations/${runId}`)).body as unknown as Run;
    expect(run.status).toBe(whole.status);
    const { answers } = readLog(logFile);
    expect(duplicates(answers)).toEqual([]);
    expect(answers).toHaveLength(models.delivered);
    const unpaid = (value: Run) =>
      JSON.parse(JSON.stringify(value.result), (key, field) => (key === 'paidCalls' ? 0 : field));
    expect(unpaid(run)).toEqual(unpaid(whole));
  }, 120_000);

  it('a server-side experiment completes on a new worker, every item once, no answered request asked again', async () => {
    const project = await createProjectWithKey(store, 'experiment');
    const call = client(server.url, project.key);
    await setUp(call);
    const logFile = join(dir, 'experiment.log');
    const started = await call('POST', '/api/experiments/runs', {
      prompt: { name: 'extractor' },
      dataset: { name: 'pages' },
      evaluator: { name: 'extractor' },
      model: 'sim:schemaorg',
      concurrency: 2,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const experimentId = started.body.id as string;
    const status = async () => (await call('GET', `/api/experiments/${experimentId}?items=false`)).body.status;
    await killMidway(logFile, 10, async () => (await status()) !== 'running');

    const experiment = (await call('GET', `/api/experiments/${experimentId}`)).body as {
      status: string;
      items: { itemId: string; error: string | null }[];
    };
    expect(experiment.status).toBe('completed');
    expect(experiment.items).toHaveLength(24);
    expect(duplicates(experiment.items.map((item) => item.itemId))).toEqual([]);
    expect(experiment.items.filter((item) => item.error !== null)).toEqual([]);
    const { answers } = readLog(logFile);
    expect(duplicates(answers)).toEqual([]);
    // One answer per distinct request: pages with the same HTML share theirs.
    expect(answers).toHaveLength(new Set(ITEMS.map((item) => item.input.html)).size);
  }, 120_000);
});
