// A prompt an optimization run tried, as stored and as the API shows it (with diffs against its parent and start).
import type { CandidateRecord } from '../optimization/loop/optimization-types.js';

/**
 * A candidate as the loop reports it (core's CandidateRecord without its content) plus where its content lives.
 * Ids are `c0` (the start), `c1`, … the same on every rerun of the run.
 *
 * @example
 * const accepted = candidates.filter((candidate: OptimizationCandidate) => candidate.status === 'accepted');
 */
export interface OptimizationCandidate extends Omit<CandidateRecord, 'content'> {
  /** The prompt registry version holding the candidate's content; null until it is written there. */
  readonly promptVersion: number | null;
  /** sha256 of the canonical content, as the prompt registry computes it. */
  readonly contentHash: string;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * One candidate of `GET /api/optimizations/:id/candidates`: the stored candidate plus unified diffs of its whole prompt
 * (template, examples, tools, schema, model, params).
 *
 * @example
 * const best = items.find((candidate: OptimizationCandidateView) => candidate.id === run.progress.bestCandidateId);
 * console.log(best?.diffFromStart);
 */
export interface OptimizationCandidateView extends OptimizationCandidate {
  /** Against the parent's prompt; null for the start (or when a version is missing). */
  readonly diffFromParent: string | null;
  /** Against the start's prompt; null for the start. */
  readonly diffFromStart: string | null;
}
