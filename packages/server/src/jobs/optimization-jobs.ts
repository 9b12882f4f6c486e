// Optimization runs as jobs: the API queues a run, a worker runs it in slices that each fit the job's lease, and a
// slice that ends before the run does queues the next one (a follow-up job, possibly on another worker).
import { randomUUID } from 'node:crypto';
import { KaizenError } from '@kaizen/core';
import type { Store } from '@kaizen/store';
import type { OptimizationLauncher } from '../optimizations/optimization-launcher.js';
import type { OptimizationRunner } from '../optimizations/optimization-runner.js';
import { JOB_QUEUES, type JobHandler, type JobQueue } from './job-queue.js';

interface OptimizationJob {
  readonly projectId: string;
  readonly runId: string;
  /** One per start or resume: the keys of its slices' jobs, so a resumed run does not collide with old jobs. */
  readonly chain: string;
  readonly slice: number;
}

/** Slices stop at half the lease: the rest leaves room for the model calls in flight and the last writes. */
const SLICE_SHARE_OF_LEASE = 0.5;

const sliceKey = (job: OptimizationJob) => `optimization:${job.chain}:${job.slice}`;

function readJob(data: Readonly<Record<string, unknown>>): OptimizationJob | null {
  const { projectId, runId, chain, slice } = data;
  if (typeof projectId !== 'string' || typeof runId !== 'string' || typeof chain !== 'string') return null;
  return { projectId, runId, chain, slice: typeof slice === 'number' && Number.isInteger(slice) ? slice : 0 };
}

/**
 * The launcher of a server whose runs execute on workers: `start` queues the run's first slice; cancel reaches a run
 * only when this process is also a worker running it (otherwise the route marks the row and the worker stops at its
 * next checkpoint).
 */
export function queuedOptimizations(
  queue: JobQueue,
  store: Store,
  local: OptimizationRunner | null,
): OptimizationLauncher {
  return {
    async start(projectId, run) {
      const job: OptimizationJob = { projectId, runId: run.id, chain: `${run.id}:${randomUUID()}`, slice: 0 };
      try {
        await queue.send(JOB_QUEUES.optimization, { ...job }, { key: sliceKey(job) });
      } catch (error) {
        // A run nobody will execute must not stay `running`.
        await store.optimizations
          .update(projectId, run.id, {
            status: 'failed',
            error: `could not queue the run: ${(error as Error).message}`,
          })
          .catch(() => {});
        throw new KaizenError(
          'unavailable',
          `could not queue optimization run ${run.id}: ${(error as Error).message}`,
          {
            cause: error,
          },
        );
      }
    },
    cancel: (runId) => local?.cancel(runId) ?? false,
    settled: (runId) => local?.settled(runId) ?? Promise.resolve(),
  };
}

export interface OptimizationJobDeps {
  readonly store: Store;
  readonly runner: OptimizationRunner;
  readonly queue: JobQueue;
  /** True once the worker is shutting down: a job fetched then is handed on at once. */
  readonly closing: () => boolean;
  readonly logger: (line: string) => void;
}

/**
 * Runs one slice of a run. A run that is not `running` any more (cancelled, finished, failed) is left alone, so a
 * duplicate or late job does nothing. A killed worker's slice is retried by the queue once its lease expires and
 * re-runs the loop over the cached answers: no paid call is repeated except those in flight at the kill.
 */
export function optimizationJobHandler(deps: OptimizationJobDeps): JobHandler {
  return async (data, context) => {
    const job = readJob(data);
    if (job === null) {
      deps.logger(`optimization job ${context.id} has no run: skipped`);
      return;
    }
    const run = await deps.store.optimizations.get(job.projectId, job.runId);
    if (run === null || run.status !== 'running') return;
    const outcome = deps.closing()
      ? 'paused'
      : await deps.runner.runSlice(job.projectId, run, context.leaseSeconds * 1000 * SLICE_SHARE_OF_LEASE);
    if (outcome === 'ended') return;
    const next: OptimizationJob = { ...job, slice: job.slice + 1 };
    await deps.queue.send(JOB_QUEUES.optimization, { ...next }, { key: sliceKey(next) });
  };
}
