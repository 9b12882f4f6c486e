// Runs optimizations in the server's process, in the background: one promise per run, tracked until it ends, so a
// run can be cancelled and the server's close() can stop them all and wait.
import type { OptimizationRun } from '@kaizen/store';
import { type ExecutionContext, executeOptimization } from './execute-optimization.js';
import type { StopReason } from './record-optimization.js';

export interface OptimizationRunner {
  /** Starts a run whose row is `running` (new, or resumed); it goes on in the background. */
  start(projectId: string, run: OptimizationRun): void;
  /** Asks a run of this process to stop between steps (it ends `cancelled`); false when it does not run here. */
  cancel(runId: string): boolean;
  /** Resolves when the run has ended here (at once when it does not run here). */
  settled(runId: string): Promise<void>;
  /**
   * Runs a `running` run here for at most `sliceMs`, then pauses it between steps (it stays `running`, resumable by
   * the next slice). Resolves `ended` when the run reached an end status (completed, failed, cancelled, …).
   */
  runSlice(projectId: string, run: OptimizationRun, sliceMs: number): Promise<'ended' | 'paused'>;
  /** Pauses every run of this process (they stay `running` for another worker) and waits for their writes. */
  pauseAll(): Promise<void>;
  /** Runs left `running` by a process that died are marked `interrupted`; returns how many. */
  recover(): Promise<number>;
  /** Stops every run (they end `interrupted`, resumable) and waits for their last writes. */
  close(): Promise<void>;
}

interface Active {
  readonly controller: AbortController;
  reason: StopReason | null;
  done: Promise<void>;
}

export const CRASH_ERROR = 'the server stopped during the run (crash): resume it to go on';

export function createOptimizationRunner(
  context: ExecutionContext,
  logger: (line: string) => void,
): OptimizationRunner {
  const active = new Map<string, Active>();
  let closed = false;

  const stop = (entry: Active, reason: StopReason) => {
    entry.reason ??= reason;
    entry.controller.abort();
  };

  const runner: OptimizationRunner = {
    start(projectId, run) {
      if (closed) throw new Error('the optimization runner is closed');
      const entry: Active = { controller: new AbortController(), reason: null, done: Promise.resolve() };
      const control = {
        signal: entry.controller.signal,
        reason: () => entry.reason,
        stop: (reason: StopReason) => stop(entry, reason),
      };
      // A resume right after a cancel: the earlier execution may still be writing its end.
      const previous = active.get(run.id)?.done ?? Promise.resolve();
      entry.done = previous
        .then(() => executeOptimization(context, projectId, run, control))
        .catch((error: unknown) => {
          // Only a store that is down gets here (the run's own errors are written as `failed`).
          logger(`optimization run ${run.id} could not record its end: ${(error as Error).message}`);
        })
        .finally(() => {
          if (active.get(run.id) === entry) active.delete(run.id);
        });
      active.set(run.id, entry);
    },
    cancel(runId) {
      const entry = active.get(runId);
      if (entry === undefined) return false;
      stop(entry, 'cancel');
      return true;
    },
    async settled(runId) {
      await active.get(runId)?.done;
    },
    async runSlice(projectId, run, sliceMs) {
      runner.start(projectId, run);
      const entry = active.get(run.id) as Active;
      const timer = setTimeout(() => stop(entry, 'pause'), sliceMs);
      try {
        await entry.done;
      } finally {
        clearTimeout(timer);
      }
      // The stored status decides: a run that ended just as the slice did is ended, whatever the reason says.
      const now = await context.store.optimizations.get(projectId, run.id);
      return now?.status === 'running' && entry.reason === 'pause' ? 'paused' : 'ended';
    },
    async pauseAll() {
      const entries = [...active.values()];
      for (const entry of entries) stop(entry, 'pause');
      await Promise.all(entries.map((entry) => entry.done));
    },
    recover: () => context.store.optimizations.markAll('running', 'interrupted', CRASH_ERROR),
    async close() {
      closed = true;
      const entries = [...active.values()];
      for (const entry of entries) stop(entry, 'shutdown');
      await Promise.all(entries.map((entry) => entry.done));
    },
  };
  return runner;
}
