// The default StartReplayRun: executes each replay run in the server's own process, in the background, one
// AbortController per run so close() can stop them all (they stay `running`, resumable by another execution).
import { KaizenError } from '@kaizen/core';
import { executeReplayRun, type ReplayRunDeps } from './execute-replay-run.js';
import type { StartReplayRun } from './start-replay-run.js';

export interface InProcessReplayRuns {
  readonly start: StartReplayRun;
  /** Resolves when the run's execution in this process has ended (at once when there is none). */
  settled(experimentId: string): Promise<void>;
  /** Aborts every run between traces and waits for their last writes. */
  close(): Promise<void>;
}

interface Active {
  readonly controller: AbortController;
  readonly done: Promise<void>;
}

/**
 * @example
 * const runs = createInProcessReplayRuns({ store }, logger);
 * createApiApp({ …, startReplayRun: runs.start }); // and `await runs.close()` when the server stops
 */
export function createInProcessReplayRuns(deps: ReplayRunDeps, logger: (line: string) => void): InProcessReplayRuns {
  const active = new Map<string, Active>();
  let closed = false;
  return {
    async start(projectId, experimentId) {
      if (closed) throw new KaizenError('unavailable', 'the server is stopping: it starts no replay run');
      if (active.has(experimentId)) return;
      const controller = new AbortController();
      const done = executeReplayRun(deps, { projectId, experimentId, signal: controller.signal })
        .then(({ outcome, experiment }) => {
          if (outcome === 'failed') logger(`replay run ${experimentId} failed: ${experiment.error ?? ''}`);
        })
        .catch((error: unknown) => {
          // Only a store that is down, or an experiment deleted meanwhile, gets here; the experiment stays `running`.
          logger(`replay run ${experimentId} stopped: ${error instanceof Error ? error.message : String(error)}`);
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
