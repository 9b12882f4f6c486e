// Summaries of a candidate's item results: the split's mean score, pass rate and per-criterion pass rates.
import type { EvaluatedItem, SplitScore } from './optimization-types.js';

/**
 * Items with a null score (a failed call) are left out of the mean; criteria count only where they passed or failed.
 * @example
 * summarizeSplit(items, ['json', 'type']); // { score: 0.62, passRate: 0.4, n: 30, criteria: { json: { passRate: 0.9, n: 30 }, … } }
 */
export function summarizeSplit(items: readonly EvaluatedItem[], criterionIds: readonly string[]): SplitScore {
  let sum = 0;
  let scored = 0;
  let passed = 0;
  for (const item of items) {
    if (item.score !== null) {
      sum += item.score;
      scored++;
    }
    if (item.passed) passed++;
  }
  const criteria: Record<string, { passRate: number; n: number }> = {};
  for (const id of criterionIds) {
    let pass = 0;
    let n = 0;
    for (const item of items) {
      const status = item.statuses[id];
      if (status === 'passed') pass++;
      if (status === 'passed' || status === 'failed') n++;
    }
    criteria[id] = { passRate: n === 0 ? 0 : pass / n, n };
  }
  return {
    score: scored === 0 ? 0 : sum / scored,
    passRate: items.length === 0 ? 0 : passed / items.length,
    n: items.length,
    criteria,
  };
}

/** Mean score over items (null scores left out); 0 for none. */
export function meanScore(items: readonly EvaluatedItem[]): number {
  let sum = 0;
  let n = 0;
  for (const item of items) {
    if (item.score === null) continue;
    sum += item.score;
    n++;
  }
  return n === 0 ? 0 : sum / n;
}
