// The before/after report of one split: start prompt vs best prompt, per criterion, with paired tests.
import { mcnemarExact } from '../../statistics/mcnemar-exact.js';
import type { CriterionChange, EvaluatedItem, SplitReport } from './optimization-types.js';
import { signTestGreater } from './sign-test.js';
import { summarizeSplit } from './split-score.js';

/**
 * @example
 * const report = compareSplits(startResults, bestResults, ['json', 'type'], 0.05);
 * report.criteria[0]; // { criterionId: 'json', before: 0.1, after: 0.93, broke: 0, fixed: 25, pValue: 6e-8, regressed: false, n: 30 }
 */
export function compareSplits(
  before: readonly EvaluatedItem[],
  after: readonly EvaluatedItem[],
  criterionIds: readonly string[],
  alpha: number,
): SplitReport {
  const next = new Map(after.map((item) => [item.itemId, item]));
  const criteria: CriterionChange[] = criterionIds.map((id) => {
    let broke = 0;
    let fixed = 0;
    let passBefore = 0;
    let passAfter = 0;
    let n = 0;
    for (const old of before) {
      const a = old.statuses[id];
      const b = next.get(old.itemId)?.statuses[id];
      if ((a !== 'passed' && a !== 'failed') || (b !== 'passed' && b !== 'failed')) continue;
      n++;
      if (a === 'passed') passBefore++;
      if (b === 'passed') passAfter++;
      if (a === 'passed' && b === 'failed') broke++;
      if (a === 'failed' && b === 'passed') fixed++;
    }
    return {
      criterionId: id,
      before: n === 0 ? null : passBefore / n,
      after: n === 0 ? null : passAfter / n,
      n,
      broke,
      fixed,
      pValue: mcnemarExact(broke, fixed),
      regressed: broke > fixed && signTestGreater(broke, fixed) < alpha,
    };
  });
  let itemsBroken = 0;
  let itemsFixed = 0;
  for (const old of before) {
    const now = next.get(old.itemId);
    if (now === undefined) continue;
    if (old.passed && !now.passed) itemsBroken++;
    if (!old.passed && now.passed) itemsFixed++;
  }
  return {
    before: summarizeSplit(before, criterionIds),
    after: summarizeSplit(after, criterionIds),
    criteria,
    itemsBroken,
    itemsFixed,
  };
}
