// Compares two runs' pass flags on the same items: rates, delta, paired-bootstrap 95% CI, McNemar p, flips.
import { KaizenError } from '../errors/kaizen-error.js';
import { mcnemarExact } from './mcnemar-exact.js';
import { pairedBootstrapCi } from './paired-bootstrap.js';

export interface PassRateComparison {
  readonly n: number;
  readonly baselineRate: number;
  readonly candidateRate: number;
  /** candidateRate − baselineRate, in rate units (0.1 = ten percentage points). */
  readonly delta: number;
  /** delta relative to the baseline rate, in percent; null when the baseline rate is 0. */
  readonly percentChange: number | null;
  /** Paired bootstrap interval of `delta`. */
  readonly ci95: readonly [number, number];
  /** McNemar's exact two-sided p-value on the flips. */
  readonly pValue: number;
  /** Items failing in the baseline and passing in the candidate. */
  readonly fixed: number;
  /** Items passing in the baseline and failing in the candidate. */
  readonly broken: number;
}

export interface CompareOptions {
  readonly iterations?: number;
  readonly seed?: number;
}

/**
 * Both lists hold the same items in the same order.
 * @example
 * comparePassRates([false, false, true, true], [true, true, true, false]);
 * // { n: 4, baselineRate: 0.5, candidateRate: 0.75, delta: 0.25, percentChange: 50, fixed: 2, broken: 1, pValue: 1, ci95: […] }
 */
export function comparePassRates(
  baselinePasses: readonly boolean[],
  candidatePasses: readonly boolean[],
  options: CompareOptions = {},
): PassRateComparison {
  if (baselinePasses.length !== candidatePasses.length) {
    throw new KaizenError('invalid_input', 'pass lists must be paired: same items, same length');
  }
  const n = baselinePasses.length;
  if (n === 0) throw new KaizenError('invalid_input', 'comparing pass rates needs at least one item');
  let baselineCount = 0;
  let candidateCount = 0;
  let fixed = 0;
  let broken = 0;
  const deltas: number[] = [];
  for (const [index, before] of baselinePasses.entries()) {
    const after = candidatePasses[index] === true;
    if (before) baselineCount += 1;
    if (after) candidateCount += 1;
    if (!before && after) fixed += 1;
    if (before && !after) broken += 1;
    deltas.push(Number(after) - Number(before));
  }
  const baselineRate = baselineCount / n;
  const candidateRate = candidateCount / n;
  const delta = candidateRate - baselineRate;
  const interval = pairedBootstrapCi(deltas, { ...options, confidence: 0.95 });
  return {
    n,
    baselineRate,
    candidateRate,
    delta,
    percentChange: baselineRate === 0 ? null : (delta / baselineRate) * 100,
    ci95: [interval.lower, interval.upper],
    pValue: mcnemarExact(broken, fixed),
    fixed,
    broken,
  };
}
