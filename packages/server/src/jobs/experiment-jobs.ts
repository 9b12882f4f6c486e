// Server-side experiment runs as jobs: the API queues the experiment, a worker executes it in slices that each fit
// the job's lease; a slice that stops before the end queues the next (items already stored are skipped on resume).
import { randomUUID } from 'node:crypto';
import { type ErrorCode, KaizenError } from '@kaizen/core';
import { type ExperimentRunDeps, executeExperimentRun } from '../experiments/execute-experiment-run.js';
import type { StartExperimentRun } from '../experiments/start-experiment-run.js';
import { JOB_QUEUES, type JobHandler, type JobQueue } from './job-queue.js';

interface ExperimentJob {
  readonly projectId: string;
  readonly experimentId: string;
  /** One per start: the keys of its slices' jobs. */
  readonly chain: string;
  readonly slice: number;
}

/** As for optimizations: half the lease for work, the rest for calls in flight and the last writes. */
const SLICE_SHARE_OF_LEASE = 0.5;

/** Errors of executeExperimentRun that a retry cannot cure. */
const PERMANENT: readonly ErrorCode[] = ['not_found', 'invalid_input'];

const sliceKey = (job: ExperimentJob) => `experiment:${job.chain}:${job.slice}`;

function readJob(data: Readonly<Record<string, unknown>>): ExperimentJob | null {
  const { projectId, experimentId, chain, slice } = data;
  if (typeof projectId !== 'string' || typeof experimentId !== 'string' || typeof chain !== 'string') return null;
  return { projectId, experimentId, chain, slice: typeof slice === 'number' && Number.isInteger(slice) ? slice : 0 };
}

/** The StartExperimentRun of a server whose experiments execute on workers. */
export function queuedExperimentRuns(queue: JobQueue): StartExperimentRun {
  return async (projectId, experimentId) => {
    const job: ExperimentJob = { projectId, experimentId, chain: `${experimentId}:${randomUUID()}`, slice: 0 };
    await queue.send(JOB_QUEUES.experiment, { ...job }, { key: sliceKey(job) });
  };
}

export interface ExperimentJobs {
  readonly handler: JobHandler;
  /** Stops the executions in flight between items; their handlers queue the follow-up slices. */
  stop(): Promise<void>;
}

/**
 * Executes one slice. A finished experiment (or one another execution finished) ends the chain; a killed worker's
 * slice is retried once its lease expires and skips the items already stored, reusing every cached answer.
 */
export function experimentJobs(
  deps: ExperimentRunDeps,
  queue: JobQueue,
  logger: (line: string) => void,
): ExperimentJobs {
  const running = new Map<AbortController, Promise<unknown>>();
  let closing = false;
  return {
    async handler(data, context) {
      const job = readJob(data);
      if (job === null) {
        logger(`experiment job ${context.id} names no experiment: skipped`);
        return;
      }
      let outcome = 'stopped';
      if (!closing) {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), context.leaseSeconds * 1000 * SLICE_SHARE_OF_LEASE);
        const execution = executeExperimentRun(deps, {
          projectId: job.projectId,
          experimentId: job.experimentId,
          signal: controller.signal,
        });
        running.set(
          controller,
          execution.catch(() => undefined),
        );
        try {
          const result = await execution;
          outcome = result.outcome;
          if (outcome === 'failed')
            logger(`experiment run ${job.experimentId} failed: ${result.experiment.error ?? ''}`);
        } catch (error) {
          // No such experiment, or one without a run spec (a `kaizen eval` run): no retry can change that.
          if (KaizenError.isInstance(error) && PERMANENT.includes(error.code)) {
            logger(`experiment job for ${job.experimentId} dropped: ${error.message}`);
            return;
          }
          // The store is away: the queue retries the slice.
          throw error;
        } finally {
          clearTimeout(timer);
          running.delete(controller);
        }
      }
      if (outcome !== 'stopped') return;
      const next: ExperimentJob = { ...job, slice: job.slice + 1 };
      await queue.send(JOB_QUEUES.experiment, { ...next }, { key: sliceKey(next) });
    },
    async stop() {
      closing = true;
      for (const controller of running.keys()) controller.abort();
      await Promise.all(running.values());
    },
  };
}
