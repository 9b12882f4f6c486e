// The run's checkpoint: each loop event written to the store as it happens, in order (the loop awaits onEvent).
// Candidates become prompt versions (the registry dedupes equal content) and candidate rows; round ends move the
// run's round, spend and progress; the end writes the result and the final status.
import { type CandidateRecord, KaizenError, type OptimizationEvent, type OptimizationResult } from '@kaizen/core';
import type {
  OptimizationProgress,
  OptimizationRun,
  OptimizationRunPatch,
  OptimizationRunStatus,
  Store,
} from '@kaizen/store';
import { candidateVersionMessage } from './candidate-version-message.js';

/** Why a run's signal was aborted: a user's cancel, or the server stopping (the run can then be resumed). */
/**
 * Why a run was stopped: cancelled by a user; the process shutting down (the run ends `interrupted`); or paused at
 * the end of a job's slice (the run stays `running` and a follow-up job resumes it, see docs/architecture/jobs.md).
 */
export type StopReason = 'cancel' | 'shutdown' | 'pause';

export const SHUTDOWN_ERROR =
  'the server stopped during the run: resume it to go on (answers already paid for are reused)';

export interface OptimizationRecorder {
  onEvent(event: OptimizationEvent): Promise<void>;
  /** Writes every candidate's final state, the result and the status the run ended with. */
  finish(result: OptimizationResult, reason: StopReason | null): Promise<void>;
}

export interface RecorderOptions {
  readonly store: Store;
  readonly projectId: string;
  readonly run: OptimizationRun;
  /** Called when the run is no longer `running` in the store (cancelled by another server): stop the loop. */
  readonly onStopped: () => void;
}

export function createOptimizationRecorder(options: RecorderOptions): OptimizationRecorder {
  const { store, projectId, run } = options;
  /** A candidate's content never changes under its id: one registry write per candidate and execution. */
  const written = new Map<string, { version: number; hash: string }>();
  let startId: string | null = null;
  /** The registry version of the best candidate; null while the best is the start (nothing beat it). */
  const bestVersionOf = (bestId: string) => (bestId === startId ? null : (written.get(bestId)?.version ?? null));
  let progress: OptimizationProgress = { bestCandidateId: null, bestValidationScore: null, candidates: 0 };

  async function versionOf(candidate: CandidateRecord): Promise<{ version: number; hash: string }> {
    const known = written.get(candidate.id);
    if (known !== undefined) return known;
    const { version } = await store.prompts.createVersion(projectId, run.promptName, {
      content: candidate.content,
      message: candidateVersionMessage(run.id, candidate),
      author: 'kaizen optimize',
    });
    const entry = { version: version.version, hash: version.hash };
    written.set(candidate.id, entry);
    return entry;
  }

  async function writeCandidate(candidate: CandidateRecord): Promise<void> {
    // The registry answers content equal to an existing version's with that version.
    const { version, hash } = await versionOf(candidate);
    await store.optimizations.upsertCandidate(projectId, run.id, {
      id: candidate.id,
      parentId: candidate.parentId,
      round: candidate.round,
      promptVersion: version,
      status: candidate.status,
      edit: candidate.edit,
      promptTokens: candidate.promptTokens,
      minibatch: candidate.minibatch,
      validation: candidate.validation,
      acceptance: candidate.acceptance,
      cost: candidate.cost,
      contentHash: hash,
    });
  }

  /** Updates a run that is still `running`; when it is not any more, someone cancelled it: stop. */
  async function updateRunning(patch: OptimizationRunPatch): Promise<boolean> {
    try {
      await store.optimizations.update(projectId, run.id, patch, { onlyFrom: ['running'] });
      return true;
    } catch (error) {
      if (!KaizenError.isInstance(error) || error.code !== 'conflict') throw error;
      options.onStopped();
      return false;
    }
  }

  return {
    async onEvent(event) {
      switch (event.type) {
        case 'candidate': {
          const candidate = event.candidate;
          const known = written.has(candidate.id);
          if (candidate.status === 'start') startId = candidate.id;
          await writeCandidate(candidate);
          if (candidate.status === 'start' && candidate.validation !== null && progress.bestCandidateId === null) {
            progress = { ...progress, bestCandidateId: candidate.id, bestValidationScore: candidate.validation.score };
          }
          if (!known) {
            progress = { ...progress, candidates: written.size };
            await updateRunning({ progress });
          }
          return;
        }
        case 'optimization-round-end':
          progress = { ...progress, bestCandidateId: event.bestId, bestValidationScore: event.bestScore };
          await updateRunning({
            round: event.round,
            spend: event.spend,
            progress,
            bestVersion: bestVersionOf(event.bestId),
          });
          return;
        default:
          return;
      }
    },

    async finish(result, reason) {
      startId = result.startId;
      for (const candidate of result.candidates) await writeCandidate(candidate);
      if (reason === 'pause' && result.status === 'cancelled') {
        // Paused, not ended: the next slice re-runs the loop from its cached answers and writes the end.
        await updateRunning({ round: result.rounds, spend: result.spend, bestVersion: bestVersionOf(result.bestId) });
        return;
      }
      const { candidates, ...stored } = result;
      const best = candidates.find((candidate) => candidate.id === result.bestId);
      const status: OptimizationRunStatus =
        reason === 'shutdown' && result.status === 'cancelled' ? 'interrupted' : result.status;
      const patch: OptimizationRunPatch = {
        round: result.rounds,
        spend: result.spend,
        progress: {
          bestCandidateId: result.bestId,
          bestValidationScore: best?.validation?.score ?? progress.bestValidationScore,
          candidates: candidates.length,
        },
        bestVersion: bestVersionOf(result.bestId),
        result: stored,
        finishedAt: new Date().toISOString(),
      };
      const ended = await updateRunning({ ...patch, status, error: status === 'interrupted' ? SHUTDOWN_ERROR : null });
      // Cancelled elsewhere meanwhile: keep that status, but the result is still worth keeping.
      if (!ended) await store.optimizations.update(projectId, run.id, patch);
    },
  };
}
