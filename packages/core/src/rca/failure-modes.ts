// Failure modes: each criterion's failure rate and its share of the score lost, ranked by impact rather than count.
import { type EncodedItems, FAILED, PASSED } from './encode-items.js';
import type { FailureMode, RcaCriterion } from './rca-types.js';

/**
 * Ranked by lostScoreShare (weight × failures / Σ weight × failures), then failure rate, then id.
 * @example
 * rankFailureModes(encoded, [{ id: 'json', weight: 2 }, { id: 'tone', weight: 1 }]);
 */
export function rankFailureModes(encoded: EncodedItems, criteria: readonly RcaCriterion[]): FailureMode[] {
  const { itemCount, statuses } = encoded;
  const counts = criteria.map((criterion, criterionIndex) => {
    let failures = 0;
    let total = 0;
    const offset = criterionIndex * itemCount;
    for (let item = 0; item < itemCount; item += 1) {
      const status = statuses[offset + item];
      if (status === FAILED) failures += 1;
      if (status === FAILED || status === PASSED) total += 1;
    }
    return { criterion, failures, total };
  });
  const lost = counts.reduce((sum, count) => sum + count.criterion.weight * count.failures, 0);
  return counts
    .map(({ criterion, failures, total }) => ({
      criterionId: criterion.id,
      failureRate: total === 0 ? 0 : failures / total,
      failures,
      total,
      lostScoreShare: lost === 0 ? 0 : (criterion.weight * failures) / lost,
    }))
    .sort(
      (left, right) =>
        right.lostScoreShare - left.lostScoreShare ||
        right.failureRate - left.failureRate ||
        (left.criterionId < right.criterionId ? -1 : left.criterionId > right.criterionId ? 1 : 0),
    );
}
