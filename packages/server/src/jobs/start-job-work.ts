// Makes this process a worker: takes jobs of every queue (online evaluation, optimizations, experiments, replays).
import type { Store } from '@kaizen/store';
import { type ExperimentRunDeps, executeExperimentRun } from '../experiments/execute-experiment-run.js';
import type { OnlineEvaluation } from '../online/online-evaluation.js';
import type { OptimizationRunner } from '../optimizations/optimization-runner.js';
import { executeReplayRun, type ReplayRunDeps } from '../replays/execute-replay-run.js';
import { type ExperimentJobs, experimentJobs } from './experiment-jobs.js';
import { JOB_QUEUES, type JobQueue } from './job-queue.js';
import { onlineEvaluationJobHandler } from './online-evaluation-jobs.js';
import { optimizationJobHandler } from './optimization-jobs.js';

export interface JobConcurrency {
  /** Online evaluation jobs at once (each scores up to 200 traces, 4 at a time). Default 2. */
  readonly onlineEvaluation?: number;
  /** Optimization runs at once. Default 2. */
  readonly optimization?: number;
  /** Experiment runs at once, and replay runs at once. Default 2 each. */
  readonly experiment?: number;
}

export interface JobWorkOptions {
  readonly queue: JobQueue;
  readonly store: Store;
  readonly online: Pick<OnlineEvaluation, 'evaluateNow'>;
  readonly runner: OptimizationRunner;
  /** What experiment runs need (store, compiler, models); without it this worker takes no experiment jobs. */
  readonly experiments?: ExperimentRunDeps;
  /** What replay runs need (store, models, the ingest redactor); without it this worker takes no replay jobs. */
  readonly replays?: ReplayRunDeps;
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
  const runs: ExperimentJobs[] = [];
  const { experiments: experimentDeps, replays: replayDeps } = options;
  if (experimentDeps !== undefined) {
    const execute = (input: Parameters<typeof executeExperimentRun>[1]) => executeExperimentRun(experimentDeps, input);
    runs.push(experimentJobs(JOB_QUEUES.experiment, execute, queue, options.logger));
  }
  if (replayDeps !== undefined) {
    const execute = (input: Parameters<typeof executeReplayRun>[1]) => executeReplayRun(replayDeps, input);
    runs.push(experimentJobs(JOB_QUEUES.replay, execute, queue, options.logger));
  }
  for (const run of runs) await queue.work(run.name, { concurrency: concurrency.experiment ?? 2 }, run.handler);
  return {
    async stop() {
      closing = true;
      await Promise.all([options.runner.pauseAll(), ...runs.map((run) => run.stop())]);
    },
  };
}
