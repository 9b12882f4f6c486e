// The scoring rule: weighted pass share over passed and failed criteria; the verdict and the label.
import type { CriterionResult } from './results.js';

export interface ChecklistVerdict {
  readonly score: number | null;
  readonly passed: boolean;
  readonly label: string;
  readonly errors: number;
}

/**
 * score = Σ weight of passed / Σ weight of passed and failed. Errored and skipped criteria are left out of both sums:
 * an error is not evidence of failure (a judge timeout must not cost points), and a criterion that does not apply
 * must not count either way. passed = no criterion errored AND score ≥ threshold, so an error can never let an item
 * pass by omission. Label: 'error' when any criterion errored; else the first matching label rule; else 'skipped'
 * when nothing was scored, 'pass' or 'fail'.
 * @example
 * scoreChecklist(results, [2, 1], 0.6, () => null); // { score: 0.667, passed: true, label: 'pass', errors: 0 }
 */
export function scoreChecklist(
  results: readonly CriterionResult[],
  weights: readonly number[],
  passThreshold: number,
  labelOf: ((score: number | null, passed: boolean) => string | null) | null,
): ChecklistVerdict {
  let earned = 0;
  let possible = 0;
  let errors = 0;
  // An index loop: this runs once per item, and bench:eval measures it.
  for (let index = 0; index < results.length; index += 1) {
    const status = results[index]?.status;
    const weight = weights[index] ?? 0;
    if (status === 'passed') {
      earned += weight;
      possible += weight;
    } else if (status === 'failed') possible += weight;
    else if (status === 'errored') errors += 1;
  }
  const score = possible > 0 ? earned / possible : null;
  // Compared with a tolerance: 2/3 of weights summing to 3 may land a hair under a threshold written as 0.6666666666666666.
  const passed = errors === 0 && score !== null && score >= passThreshold - 1e-12;
  if (errors > 0) return { score, passed, label: 'error', errors };
  const label = labelOf?.(score, passed) ?? (score === null ? 'skipped' : passed ? 'pass' : 'fail');
  return { score, passed, label, errors };
}
