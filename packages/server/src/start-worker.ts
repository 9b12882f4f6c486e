// `kaizen worker`: a process with no HTTP listener that takes jobs from the durable queue — online evaluations,
// optimization runs, experiment and replay runs — for the servers that share its Postgres (docs/architecture/jobs.md).
import { compileRedactor, type PriceTable, type RedactionConfig } from '@kaizen/core';
import type { Store } from '@kaizen/store';
import type { JobQueue } from './jobs/job-queue.js';
import { type JobConcurrency, startJobWork } from './jobs/start-job-work.js';
import {
  createOnlineEvaluation,
  type OnlineEvaluationOptions,
  type OnlineEvaluationStats,
} from './online/online-evaluation.js';
import type { OptimizationOptions } from './optimizations/optimization-models.js';
import { createOptimizationRunner } from './optimizations/optimization-runner.js';

export interface WorkerOptions {
  readonly store: Store;
  /** The worker closes it in close(). */
  readonly queue: JobQueue;
  /** Custom checks and judge of kaizen.config.ts, catch-up window; `dispatch` is ignored (a worker scores). */
  readonly onlineEvaluation?: OnlineEvaluationOptions;
  readonly optimization?: OptimizationOptions;
  readonly prices?: PriceTable;
  /** Redaction of the shadow spans replays write, as `kaizen serve` redacts ingest (the same config). Default: on. */
  readonly redaction?: RedactionConfig;
  readonly concurrency?: JobConcurrency;
  readonly logger?: (line: string) => void;
}

export interface RunningWorker {
  stats(): OnlineEvaluationStats;
  /** Pauses running optimizations (queued again for other workers), waits for the jobs in flight, closes the queue. */
  close(): Promise<void>;
}

/**
 * @example
 * const queue = await createPgBossJobQueue({ connectionString, logger });
 * const worker = await startWorker({ store, queue });
 * // …
 * await worker.close();
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const logger = options.logger ?? (() => {});
  const { dispatch: _ignored, ...onlineOptions } = options.onlineEvaluation ?? {};
  // First: a bad redaction config fails the start with its message.
  const redactor = compileRedactor(options.redaction);
  const online = createOnlineEvaluation(options.store, onlineOptions, logger);
  // Loads the rules and scores recent traces that no worker scored (stored while none ran).
  await online.start();
  const runner = createOptimizationRunner(
    { store: options.store, compiler: online.compiler, options: options.optimization ?? {}, prices: options.prices },
    logger,
  );
  const work = await startJobWork({
    queue: options.queue,
    store: options.store,
    online,
    runner,
    experiments: {
      store: options.store,
      compiler: online.compiler,
      resolveModel: options.optimization?.resolveModel,
      prices: options.prices,
    },
    replays: {
      store: options.store,
      resolveModel: options.optimization?.resolveModel,
      prices: options.prices,
      redactor,
    },
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    logger,
  });
  logger('Kaizen worker taking jobs (online evaluation, optimizations, experiments, replays)');
  return {
    stats: () => online.stats(),
    async close() {
      await work.stop();
      await options.queue.close();
      await runner.close();
      await online.close();
    },
  };
}
