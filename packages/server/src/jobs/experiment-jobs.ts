// Server-side experiment runs and shadow replays as jobs (both are experiments executed item by item): the API queues
// the experiment, a worker executes it in slices that each fit the job's lease; a slice that stops before the end
// queues the next (items already stored are skipped on resume).
import { randomUUID } from 'node:crypto';
import { type ErrorCode, KaizenError } from '@kaizen/core';
import type { ExecuteRun } from '../experiments/in-process-runs.js';
import type { StartExperimentRun } from '../experiments/start-experiment-run.js';
import type { JobHandler, JobQueue, JobQueueName } from './job-queue.js';

interface ExperimentJob {
  readonly projectId: string;
  readonly experimentId: string;
  /** One per start: the keys of its slices' jobs. */
  readonly chain: string;
  readonly slice: number;
}

/** As for optimizations: half the lease for work, the rest for calls in flight and the last writes. */
const SLICE_SHARE_OF_LEASE = 0.5;

/** Errors of the executions that a retry cannot cure. */
const PERMANENT: readonly ErrorCode[] = ['not_found', 'invalid_input'];

const sliceKey = (queue: JobQueueName, job: ExperimentJob) => `${queue}:${job.chain}:${job.slice}`;

function readJob(data: Readonly<Record<string, unknown>>): ExperimentJob | null {
  const { projectId, experimentId, chain, slice } = data;
  if (typeof projectId !== 'string' || typeof experimentId !== 'string' || typeof chain !== 'string') return null;
  return { projectId, experimentId, chain, slice: typeof slice === 'number' && Number.isInteger(slice) ? slice : 0 };
}

/** The start function (StartExperimentRun, StartReplayRun) of a server whose runs execute on workers. */
export function queuedRuns(queue: JobQueue, name: JobQueueName): StartExperimentRun {
  return async (projectId, experimentId) => {
    const job: ExperimentJob = { projectId, experimentId, chain: `${experimentId}:${randomUUID()}`, slice: 0 };
    await queue.send(name, { ...job }, { key: sliceKey(name, job) });
  };
}

export interface ExperimentJobs {
  readonly name: JobQueueName;
  readonly handler: JobHandler;
  /** Stops the executions in flight between items; their handlers queue the follow-up slices. */
  stop(): Promise<void>;
}

/**
 * Executes one slice. A finished experiment (or one another execution finished) ends the chain; a killed worker's
 * slice is retried once its lease expires and skips the items already stored, reusing every cached answer.
 */
export function experimentJobs(
  name: JobQueueName,
  execute: ExecuteRun,
  queue: JobQueue,
  logger: (line: string) => void,
): ExperimentJobs {
  const running = new Map<AbortController, Promise<unknown>>();
  let closing = false;
  return {
    name,
    async handler(data, context) {
      const job = readJob(data);
      if (job === null) {
        logger(`${name} job ${context.id} names no experiment: skipped`);
        return;
      }
      let outcome = 'stopped';
      if (!closing) {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), context.leaseSeconds * 1000 * SLICE_SHARE_OF_LEASE);
        const execution = execute({
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
          if (outcome === 'failed') logger(`${name} run ${job.experimentId} failed: ${result.experiment.error ?? ''}`);
        } catch (error) {
          // No such experiment, or one without a run spec (a `kaizen eval` run): no retry can change that.
          if (KaizenError.isInstance(error) && PERMANENT.includes(error.code)) {
            logger(`${name} job for ${job.experimentId} dropped: ${error.message}`);
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
      await queue.send(name, { ...next }, { key: sliceKey(name, next) });
    },
    async stop() {
      closing = true;
      for (const controller of running.keys()) controller.abort();
      await Promise.all(running.values());
    },
  };
}
