// How an execution of a replay run ended, and the settling of an error into that result: the same meanings as a
// server-side experiment run's (execute-experiment-run.ts), so a job handler treats both alike.
import { type Experiment, KaizenError } from '@kaizen/core';
import type { Store } from '@kaizen/store';

/**
 * - `completed` / `failed`: this execution finished the replay run.
 * - `stopped`: the signal aborted it; it is still `running` and another execution completes it.
 * - `finished-elsewhere`: it had finished (another execution, or a finish through the API) before this one could.
 */
export type ReplayRunOutcome = 'completed' | 'failed' | 'stopped' | 'finished-elsewhere';

export interface ReplayRunResult {
  readonly outcome: ReplayRunOutcome;
  /** The experiment as stored when this execution ended. */
  readonly experiment: Experiment;
  /** Items (replayed source traces) this execution stored. */
  readonly added: number;
  /** Model calls this execution paid for (answers not found in the cache). */
  readonly modelCalls: number;
}

export interface ReplayCounters {
  added: number;
  modelCalls: number;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Rejects when the store is unavailable (a queue retries and the retry resumes) or the experiment is gone.
 * @example
 * catch (error) { return settleReplayRun(store, { projectId, experimentId, signal }, counters, error); }
 */
export async function settleReplayRun(
  store: Store,
  input: { readonly projectId: string; readonly experimentId: string; readonly signal?: AbortSignal | undefined },
  counters: ReplayCounters,
  error: unknown,
): Promise<ReplayRunResult> {
  const { projectId, experimentId } = input;
  const result = (outcome: ReplayRunOutcome, experiment: Experiment) => ({ outcome, experiment, ...counters });
  if (KaizenError.isInstance(error) && error.code === 'unavailable') throw error;
  const now = await store.experiments.get(projectId, experimentId);
  if (now === null) throw error;
  if (input.signal?.aborted === true && now.status === 'running') return result('stopped', now);
  if (now.status !== 'running') return result('finished-elsewhere', now);
  try {
    return result(
      'failed',
      await store.experiments.finish(projectId, experimentId, { status: 'failed', error: messageOf(error) }),
    );
  } catch (finishError) {
    const after = await store.experiments.get(projectId, experimentId);
    if (after !== null && after.status !== 'running') return result('finished-elsewhere', after);
    throw finishError;
  }
}
