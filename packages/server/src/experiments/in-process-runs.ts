// Runs executed item by item (server-side experiments and shadow replays) in the server's own process, in the
// background: one AbortController per run, so close() can stop them all (they stay `running`, resumable by another
// execution). The default when no job queue exists; with one, jobs/experiment-jobs.ts runs the same executions.
import { KaizenError } from '@kaizen/core';
import type { ExperimentRunOutcome } from './execute-experiment-run.js';
import type { StartExperimentRun } from './start-experiment-run.js';

/** `executeExperimentRun` or `executeReplayRun`, bound to their dependencies. */
export type ExecuteRun = (input: {
  readonly projectId: string;
  readonly experimentId: string;
  readonly signal: AbortSignal;
}) => Promise<{ readonly outcome: ExperimentRunOutcome; readonly experiment: { readonly error: string | null } }>;

export interface InProcessRuns {
  readonly start: StartExperimentRun;
  /** Resolves when the run's execution in this process has ended (at once when there is none). */
  settled(experimentId: string): Promise<void>;
  /** Aborts every run between items and waits for their last writes. */
  close(): Promise<void>;
}

interface Active {
  readonly controller: AbortController;
  readonly done: Promise<void>;
}

/**
 * @example
 * const runs = createInProcessRuns('experiment', (input) => executeExperimentRun(deps, input), logger);
 * createApiApp({ …, startExperimentRun: runs.start }); // and `await runs.close()` when the server stops
 */
export function createInProcessRuns(
  kind: 'experiment' | 'replay',
  execute: ExecuteRun,
  logger: (line: string) => void,
): InProcessRuns {
  const active = new Map<string, Active>();
  let closed = false;
  return {
    async start(projectId, experimentId) {
      if (closed) throw new KaizenError('unavailable', `the server is stopping: it starts no ${kind} run`);
      // Already executing here: a second execution would only wait on the same answers.
      if (active.has(experimentId)) return;
      const controller = new AbortController();
      const done = execute({ projectId, experimentId, signal: controller.signal })
        .then(({ outcome, experiment }) => {
          if (outcome === 'failed') logger(`${kind} run ${experimentId} failed: ${experiment.error ?? ''}`);
        })
        .catch((error: unknown) => {
          // Only a store that is down, or an experiment deleted meanwhile, gets here; the experiment stays `running`.
          logger(`${kind} run ${experimentId} stopped: ${error instanceof Error ? error.message : String(error)}`);
        })
        .finally(() => active.delete(experimentId));
      active.set(experimentId, { controller, done });
    },
    async settled(experimentId) {
      await active.get(experimentId)?.done;
    },
    async close() {
      closed = true;
      const entries = [...active.values()];
      for (const entry of entries) entry.controller.abort();
      await Promise.all(entries.map((entry) => entry.done));
    },
  };
}
