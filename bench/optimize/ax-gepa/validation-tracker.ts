// Follows GEPA's validation passes from outside ax: which instruction was scored on every validation item, and what
// had been spent by then. ax runs one example at a time, so a score belongs to the instruction of the last task call.
import type { AxGepaCandidate, AxGepaCounters } from './ax-gepa-types.js';

export interface ValidationTracker {
  onTaskCall(instruction: string): void;
  onScore(itemId: string, score: number): void;
  readonly candidates: readonly AxGepaCandidate[];
}

/**
 * @example
 * const tracker = createValidationTracker(['v1', 'v2'], counters);
 * tracker.onTaskCall('Be brief.'); tracker.onScore('v1', 1); tracker.onTaskCall('Be brief.'); tracker.onScore('v2', 0);
 * tracker.candidates; // [{ instruction: 'Be brief.', validationScore: 0.5, … }]
 */
export function createValidationTracker(validationIds: readonly string[], counters: AxGepaCounters): ValidationTracker {
  const ids = new Set(validationIds);
  const pending = new Map<string, Map<string, number>>();
  const recorded = new Set<string>();
  const candidates: AxGepaCandidate[] = [];
  let current: string | null = null;
  return {
    onTaskCall(instruction) {
      current = instruction;
    },
    onScore(itemId, score) {
      if (current === null || !ids.has(itemId) || recorded.has(current)) return;
      const scores = pending.get(current) ?? new Map<string, number>();
      pending.set(current, scores);
      scores.set(itemId, score);
      if (scores.size < ids.size) return;
      // Merge subsamples also score validation items; a candidate is recorded once, when its first full pass ends.
      recorded.add(current);
      pending.delete(current);
      candidates.push({
        instruction: current,
        validationScore: [...scores.values()].reduce((sum, value) => sum + value, 0) / scores.size,
        atMetricCalls: counters.metricCalls,
        atTaskModelCalls: counters.taskModelCalls,
        atReflectionCalls: counters.reflectionCalls,
      });
    },
    candidates,
  };
}
