// A Kaizen worker in a process of its own, for the kill -9 tests: every answer its model delivers is appended to a log
// file before the worker sees it (a line survives the kill), and from the n-th call on every call hangs, so the test
// can kill it while calls are in flight. Run by fork() with one argument, the JSON of WorkerProcessConfig.
import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { resolveModel } from '@kaizen/models';
import { openStore } from '@kaizen/store';
import { createPgBossJobQueue, JOB_QUEUES, startWorker } from '../../src/index.js';
import type { ModelRef } from '../../src/optimizations/optimization-models.js';

export interface WorkerProcessConfig {
  readonly databaseUrl: string;
  readonly leaseSeconds: number;
  /** One line per delivered answer (a hash of the request), and `hold` when the calls start hanging. */
  readonly logFile: string;
  /** Calls from this one on (1-based) never answer; null: all answer. */
  readonly holdFrom: number | null;
}

function loggingModels(config: WorkerProcessConfig) {
  let started = 0;
  return (spec: string): ModelRef => {
    const inner = resolveModel(spec);
    return {
      specificationVersion: inner.specificationVersion,
      provider: inner.provider,
      modelId: inner.modelId,
      supportedUrls: inner.supportedUrls,
      async doGenerate(options) {
        started += 1;
        if (config.holdFrom !== null && started >= config.holdFrom) {
          if (started === config.holdFrom) appendFileSync(config.logFile, 'hold\n');
          await new Promise(() => {});
        }
        const result = await inner.doGenerate(options);
        const request = createHash('sha256')
          .update(`${spec}\u0000${JSON.stringify(options.prompt)}`)
          .digest('hex');
        appendFileSync(config.logFile, `${request}\n`);
        return result;
      },
      doStream: (options) => inner.doStream(options),
    };
  };
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as WorkerProcessConfig;
  const store = await openStore({ databaseUrl: config.databaseUrl });
  const queue = await createPgBossJobQueue({
    connectionString: config.databaseUrl,
    leaseSeconds: { [JOB_QUEUES.optimization]: config.leaseSeconds, [JOB_QUEUES.experiment]: config.leaseSeconds },
    maintenanceIntervalSeconds: 1,
    logger: (line) => process.stderr.write(`${line}\n`),
  });
  const worker = await startWorker({
    store,
    queue,
    optimization: { resolveModel: loggingModels(config) },
    onlineEvaluation: { catchUpWindowMs: 0 },
    logger: (line) => process.stderr.write(`${line}\n`),
  });
  process.send?.('ready');
  process.once('SIGTERM', () => {
    void worker
      .close()
      .then(() => store.close())
      .then(() => process.exit(0));
  });
}

void main().catch((error: unknown) => {
  process.stderr.write(`worker process failed: ${String(error)}\n`);
  process.exit(1);
});
