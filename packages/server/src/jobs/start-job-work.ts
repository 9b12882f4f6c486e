// Makes this process a worker: takes jobs of every queue (online evaluation, optimizations, experiments) and runs them.
import type { Store } from '@kaizen/store';
import type { ExperimentRunDeps } from '../experiments/execute-experiment-run.js';
import type { OnlineEvaluation } from '../online/online-evaluation.js';
import type { OptimizationRunner } from '../optimizations/optimization-runner.js';
import { experimentJobs } from './experiment-jobs.js';
import { JOB_QUEUES, type JobQueue } from './job-queue.js';
import { onlineEvaluationJobHandler } from './online-evaluation-jobs.js';
import { optimizationJobHandler } from './optimization-jobs.js';

export interface JobConcurrency {
  /** Online evaluation jobs at once (each scores up to 200 traces, 4 at a time). Default 2. */
  readonly onlineEvaluation?: number;
  /** Optimization runs at once. Default 2. */
  readonly optimization?: number;
  /** Experiment runs at once. Default 2. */
  readonly experiment?: number;
}

export interface JobWorkOptions {
  readonly queue: JobQueue;
  readonly store: Store;
  readonly online: Pick<OnlineEvaluation, 'evaluateNow'>;
  readonly runner: OptimizationRunner;
  /** What experiment runs need (store, compiler, models); without it this worker takes no experiment jobs. */
  readonly experiments?: ExperimentRunDeps;
  readonly concurrency?: JobConcurrency;
  readonly logger: (line: string) => void;
}

export interface JobWork {
  /**
   * Stops taking part: jobs fetched from now on are handed on, running optimizations pause (their follow-up job is
   * queued for another worker). The queue's own close() then waits for the handlers still in flight.
   */
  stop(): Promise<void>;
}

/**
 * @example
 * const work = await startJobWork({ queue, store, online, runner, logger });
 * // …on shutdown: await work.stop(); await online.close(); await queue.close();
 */
export async function startJobWork(options: JobWorkOptions): Promise<JobWork> {
  const { queue, concurrency = {} } = options;
  let closing = false;
  await queue.work(
    JOB_QUEUES.onlineEvaluation,
    { concurrency: concurrency.onlineEvaluation ?? 2 },
    onlineEvaluationJobHandler(options.online),
  );
  await queue.work(
    JOB_QUEUES.optimization,
    { concurrency: concurrency.optimization ?? 2 },
    optimizationJobHandler({
      store: options.store,
      runner: options.runner,
      queue,
      closing: () => closing,
      logger: options.logger,
    }),
  );
  const experiments =
    options.experiments === undefined ? null : experimentJobs(options.experiments, queue, options.logger);
  if (experiments !== null) {
    await queue.work(JOB_QUEUES.experiment, { concurrency: concurrency.experiment ?? 2 }, experiments.handler);
  }
  return {
    async stop() {
      closing = true;
      await Promise.all([options.runner.pauseAll(), experiments?.stop()]);
    },
  };
}
