// Follows GEPA's validation passes from outside ax: which instruction was scored on every validation item, and what
// had been spent by then.
import type { AxGepaCandidate, AxGepaCounters } from './ax-gepa-types.js';

export interface ValidationTracker {
  onScore(instruction: string, itemId: string, score: number): void;
  readonly candidates: readonly AxGepaCandidate[];
}

/**
 * @example
 * const tracker = createValidationTracker(['v1', 'v2'], counters);
 * tracker.onScore('Be brief.', 'v1', 1); tracker.onScore('Be brief.', 'v2', 0);
 * tracker.candidates; // [{ instruction: 'Be brief.', validationScore: 0.5, … }]
 */
export function createValidationTracker(validationIds: readonly string[], counters: AxGepaCounters): ValidationTracker {
  const ids = new Set(validationIds);
  const pending = new Map<string, Map<string, number>>();
  const recorded = new Set<string>();
  const candidates: AxGepaCandidate[] = [];
  return {
    onScore(instruction, itemId, score) {
      if (!ids.has(itemId) || recorded.has(instruction)) return;
      const scores = pending.get(instruction) ?? new Map<string, number>();
      pending.set(instruction, scores);
      scores.set(itemId, score);
      if (scores.size < ids.size) return;
      // Merge subsamples also score validation items; a candidate is recorded once, when its first full pass ends.
      recorded.add(instruction);
      pending.delete(instruction);
      candidates.push({
        instruction,
        validationScore: [...scores.values()].reduce((sum, value) => sum + value, 0) / scores.size,
        atMetricCalls: counters.metricCalls,
        atTaskModelCalls: counters.taskModelCalls,
        atReflectionCalls: counters.reflectionCalls,
      });
    },
    candidates,
  };
}
