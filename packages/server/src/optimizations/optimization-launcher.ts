// What the API needs to start and stop runs, whether they run in this process or on workers through the job queue.
import type { OptimizationRun } from '@kaizen/store';

export interface OptimizationLauncher {
  /** Starts a run whose row is `running` (new, or resumed): here in the background, or as a queued job. */
  start(projectId: string, run: OptimizationRun): Promise<void>;
  /** Asks a run executing in this process to stop between steps (it ends `cancelled`); false when it is not here. */
  cancel(runId: string): boolean;
  /** Resolves when the run has stopped here (at once when it does not run here). */
  settled(runId: string): Promise<void>;
}
