// The acceptance guard: a candidate replaces the current best only on paired evidence, never on a higher mean alone.
import type { AcceptanceDecision, CriterionRegression, EvaluatedItem } from './optimization-types.js';
import { signTestGreater } from './sign-test.js';

export interface AcceptanceInput {
  /** The current best's results on the validation split. */
  readonly before: readonly EvaluatedItem[];
  /** The candidate's results on the same items. */
  readonly after: readonly EvaluatedItem[];
  readonly criterionIds: readonly string[];
  readonly tokensBefore: number;
  readonly tokensAfter: number;
  /** Level of the regression tests (and of the improvement test unless `improvementAlpha` is given). */
  readonly alpha: number;
  /** Level of the improvement test; lower at the looks of a sequential test. */
  readonly improvementAlpha?: number;
  readonly maxCriterionDrop: number;
  readonly compressionTolerance: number;
  /** Whether a compression may be accepted (default true; a sequential test allows it at its last look only). */
  readonly allowCompression?: boolean;
}

/**
 * Per criterion, over items where it passed or failed under both prompts: a regression is a fall in pass rate that
 * is significant (one-sided exact McNemar: broke vs fixed) or at least `maxCriterionDrop` — a small split must not
 * hide a criterion that broke on many items.
 */
export function findRegressions(
  before: ReadonlyMap<string, EvaluatedItem>,
  after: ReadonlyMap<string, EvaluatedItem>,
  criterionIds: readonly string[],
  alpha: number,
  maxCriterionDrop: number,
): CriterionRegression[] {
  const regressions: CriterionRegression[] = [];
  for (const id of criterionIds) {
    let broke = 0;
    let fixed = 0;
    let passBefore = 0;
    let passAfter = 0;
    let n = 0;
    for (const [itemId, old] of before) {
      const next = after.get(itemId);
      const a = old.statuses[id];
      const b = next?.statuses[id];
      if ((a !== 'passed' && a !== 'failed') || (b !== 'passed' && b !== 'failed')) continue;
      n++;
      if (a === 'passed') passBefore++;
      if (b === 'passed') passAfter++;
      if (a === 'passed' && b === 'failed') broke++;
      if (a === 'failed' && b === 'passed') fixed++;
    }
    if (n === 0 || broke <= fixed) continue;
    const pValue = signTestGreater(broke, fixed);
    const rateBefore = passBefore / n;
    const rateAfter = passAfter / n;
    if (pValue < alpha || rateBefore - rateAfter >= maxCriterionDrop) {
      regressions.push({ criterionId: id, before: rateBefore, after: rateAfter, broke, fixed, pValue });
    }
  }
  return regressions;
}

function byId(items: readonly EvaluatedItem[]): Map<string, EvaluatedItem> {
  return new Map(items.map((item) => [item.itemId, item]));
}

/**
 * Accepts an **improvement** when the candidate scores higher on more items than it scores lower, significantly
 * (one-sided exact sign test on paired item scores, p < alpha), and no criterion regressed; accepts a
 * **compression** (the Pareto move: fewer prompt tokens at equal score) when the candidate is shorter, its mean is
 * at most `compressionTolerance` lower, it is not significantly worse, and no criterion regressed.
 * @example
 * decideAcceptance({ before, after, criterionIds: ['json', 'type'], tokensBefore: 40, tokensAfter: 52, alpha: 0.05,
 *   maxCriterionDrop: 0.1, compressionTolerance: 0 }).accepted;
 */
export function decideAcceptance(input: AcceptanceInput): AcceptanceDecision {
  const before = byId(input.before);
  const after = byId(input.after);
  let wins = 0;
  let losses = 0;
  let sumBefore = 0;
  let sumAfter = 0;
  let paired = 0;
  for (const [itemId, old] of before) {
    const next = after.get(itemId);
    if (old.score === null || next === undefined || next.score === null) continue;
    paired++;
    sumBefore += old.score;
    sumAfter += next.score;
    // A tolerance on float noise: 1/3 + 1/3 + 1/3 and 1 are the same score.
    if (next.score > old.score + 1e-9) wins++;
    else if (next.score < old.score - 1e-9) losses++;
  }
  const scoreBefore = paired === 0 ? 0 : sumBefore / paired;
  const scoreAfter = paired === 0 ? 0 : sumAfter / paired;
  const regressions = findRegressions(before, after, input.criterionIds, input.alpha, input.maxCriterionDrop);
  const base = { scoreBefore, scoreAfter, wins, losses, regressions };
  const pBetter = signTestGreater(wins, losses);
  if (paired === 0) {
    return { ...base, accepted: false, kind: null, reason: 'no item was scored under both prompts', pValue: 1 };
  }
  if (regressions.length > 0) {
    const names = regressions.map(
      (regression) =>
        `${regression.criterionId} ${(regression.before * 100).toFixed(0)}% → ${(regression.after * 100).toFixed(0)}%`,
    );
    return { ...base, accepted: false, kind: null, reason: `criteria regressed: ${names.join(', ')}`, pValue: pBetter };
  }
  const improvementAlpha = input.improvementAlpha ?? input.alpha;
  if (scoreAfter > scoreBefore && pBetter < improvementAlpha) {
    return {
      ...base,
      accepted: true,
      kind: 'improvement',
      reason: `score ${scoreBefore.toFixed(3)} → ${scoreAfter.toFixed(3)}: ${wins} items better, ${losses} worse (sign test p = ${pBetter.toPrecision(2)})`,
      pValue: pBetter,
    };
  }
  const pWorse = signTestGreater(losses, wins);
  if (
    input.allowCompression !== false &&
    input.tokensAfter < input.tokensBefore &&
    scoreAfter >= scoreBefore - input.compressionTolerance &&
    pWorse >= input.alpha
  ) {
    return {
      ...base,
      accepted: true,
      kind: 'compression',
      reason: `prompt ${input.tokensBefore} → ${input.tokensAfter} tokens at score ${scoreBefore.toFixed(3)} → ${scoreAfter.toFixed(3)} (${wins} better, ${losses} worse)`,
      pValue: pWorse,
    };
  }
  const reason =
    scoreAfter <= scoreBefore
      ? `score did not improve (${scoreBefore.toFixed(3)} → ${scoreAfter.toFixed(3)})`
      : `improvement not significant: ${wins} better, ${losses} worse (p = ${pBetter.toPrecision(2)} ≥ ${improvementAlpha.toPrecision(2)})`;
  return { ...base, accepted: false, kind: null, reason, pValue: pBetter };
}
