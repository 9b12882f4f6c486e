// The metric feedback GEPA passes to its teacher: per item, the failed criteria with descriptions and rationales —
// the facts Kaizen's loop gives its optimizer — as one JSON line, so the teacher adapter can read it back.
import type { AxGepaCriterion, AxGepaEvaluation } from './ax-gepa-types.js';

export interface GepaFailedCriterion {
  readonly criterionId: string;
  readonly description: string;
  readonly kind: string;
  readonly rationale: string;
}

export interface GepaFeedbackEntry {
  readonly itemId: string;
  readonly score: number | null;
  readonly failed: readonly GepaFailedCriterion[];
  /** Set when the task-model call failed, so nothing was scored. */
  readonly error?: string;
}

/**
 * @example
 * feedbackEntry('p1', { score: 0.5, results: [{ criterionId: 'json', status: 'failed', rationale: 'not JSON' }] },
 *   criteria); // { itemId: 'p1', score: 0.5, failed: [{ criterionId: 'json', description: …, rationale: 'not JSON' }] }
 */
export function feedbackEntry(
  itemId: string,
  evaluation: AxGepaEvaluation,
  criteria: ReadonlyMap<string, AxGepaCriterion>,
): GepaFeedbackEntry {
  const failed = evaluation.results
    .filter((result) => result.status === 'failed')
    .map((result) => {
      const criterion = criteria.get(result.criterionId);
      return {
        criterionId: result.criterionId,
        description: criterion?.description ?? '',
        kind: criterion?.kind ?? 'unknown',
        rationale: result.rationale ?? result.reason ?? '',
      };
    });
  return { itemId, score: evaluation.score, failed };
}

export function formatFeedback(entry: GepaFeedbackEntry): string {
  return JSON.stringify(entry);
}

function isEntry(value: unknown): value is GepaFeedbackEntry {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.itemId === 'string' && Array.isArray(record.failed);
}

/**
 * The entries in a text (the teacher's feedback summary, or ax's rendered feedback list): one JSON object per line;
 * other lines are ignored.
 * @example
 * readFeedback('{"itemId":"p1","score":1,"failed":[]}\nnoise'); // [{ itemId: 'p1', score: 1, failed: [] }]
 */
export function readFeedback(text: string): GepaFeedbackEntry[] {
  const entries: GepaFeedbackEntry[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('{')) continue;
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (isEntry(parsed)) entries.push(parsed);
    } catch {
      // Not an entry: a real teacher's summary may mix prose in.
    }
  }
  return entries;
}
