// Compares two experiments on the same dataset: overall and per criterion, with the items fixed and broken.
import { KaizenError } from '../errors/kaizen-error.js';
import type { ChecklistResult, CriterionStatus } from '../evaluation/results.js';
import { type CompareOptions, comparePassRates, type PassRateComparison } from './compare-pass-rates.js';
import { pairedBootstrapCi } from './paired-bootstrap.js';

export interface ExperimentItem {
  readonly itemId: string;
  readonly result: ChecklistResult;
}

/** A pass-rate comparison over the items where both runs gave a verdict, with their ids. */
export interface FlipComparison {
  /** Null when no item has a verdict in both runs. */
  readonly comparison: PassRateComparison | null;
  readonly fixedItemIds: readonly string[];
  readonly brokenItemIds: readonly string[];
  /** Paired items left out: errored or skipped (per criterion), or with an errored criterion (overall). */
  readonly excluded: number;
}

export interface CriterionComparison extends FlipComparison {
  readonly criterionId: string;
}

export interface ScoreComparison {
  readonly n: number;
  readonly baselineMean: number;
  readonly candidateMean: number;
  readonly delta: number;
  readonly ci95: readonly [number, number];
}

export interface ExperimentComparison {
  /** Items present in both experiments; only these are compared. */
  readonly paired: number;
  readonly baselineOnly: readonly string[];
  readonly candidateOnly: readonly string[];
  /** Item verdicts (`passed`), over items without errors in either run. */
  readonly overall: FlipComparison;
  /** Mean score difference over items scored in both runs; null when there is none. */
  readonly score: ScoreComparison | null;
  readonly criteria: readonly CriterionComparison[];
}

type Verdict = boolean | null;

function byId(items: readonly ExperimentItem[], side: string): Map<string, ChecklistResult> {
  const map = new Map<string, ChecklistResult>();
  for (const item of items) {
    if (map.has(item.itemId)) throw new KaizenError('invalid_input', `${side} lists item "${item.itemId}" twice`);
    map.set(item.itemId, item.result);
  }
  return map;
}

function compareFlips(
  pairs: readonly (readonly [string, Verdict, Verdict])[],
  options: CompareOptions,
): FlipComparison {
  const kept = pairs.filter(
    (pair): pair is readonly [string, boolean, boolean] => pair[1] !== null && pair[2] !== null,
  );
  return {
    comparison:
      kept.length === 0
        ? null
        : comparePassRates(
            kept.map((pair) => pair[1]),
            kept.map((pair) => pair[2]),
            options,
          ),
    fixedItemIds: kept.filter(([, before, after]) => !before && after).map(([id]) => id),
    brokenItemIds: kept.filter(([, before, after]) => before && !after).map(([id]) => id),
    excluded: pairs.length - kept.length,
  };
}

const criterionVerdict = (status: CriterionStatus | undefined): Verdict =>
  status === 'passed' ? true : status === 'failed' ? false : null;

/**
 * Items are paired by id. Per criterion, only items where the criterion passed or failed in both runs count; overall,
 * only items without errors in either run.
 * @example
 * const report = compareExperiments(baseline, candidate);
 * report.criteria.find((c) => c.criterionId === 'json')?.comparison?.delta; // +0.12
 * report.overall.brokenItemIds; // ['item-17']
 */
export function compareExperiments(
  baselineItems: readonly ExperimentItem[],
  candidateItems: readonly ExperimentItem[],
  options: CompareOptions = {},
): ExperimentComparison {
  const baseline = byId(baselineItems, 'baseline');
  const candidate = byId(candidateItems, 'candidate');
  const ids = [...baseline.keys()].filter((id) => candidate.has(id));
  const pairs = ids.map((id) => [id, baseline.get(id), candidate.get(id)] as const);
  const criterionIds: string[] = [];
  for (const [, before, after] of pairs) {
    for (const result of [...(before?.results ?? []), ...(after?.results ?? [])]) {
      if (!criterionIds.includes(result.criterionId)) criterionIds.push(result.criterionId);
    }
  }
  const overallVerdict = (result: ChecklistResult | undefined): Verdict =>
    result === undefined || result.errors > 0 || result.score === null ? null : result.passed;
  const scored = pairs.flatMap(([, before, after]) =>
    before?.score != null && after?.score != null ? [[before.score, after.score] as const] : [],
  );
  let score: ScoreComparison | null = null;
  if (scored.length > 0) {
    const interval = pairedBootstrapCi(scored, { ...options, confidence: 0.95 });
    const baselineMean = scored.reduce((sum, pair) => sum + pair[0], 0) / scored.length;
    const candidateMean = scored.reduce((sum, pair) => sum + pair[1], 0) / scored.length;
    const ci95 = [interval.lower, interval.upper] as const;
    score = { n: scored.length, baselineMean, candidateMean, delta: candidateMean - baselineMean, ci95 };
  }
  const statusIn = (result: ChecklistResult | undefined, id: string) =>
    result?.results.find((entry) => entry.criterionId === id)?.status;
  return {
    paired: ids.length,
    baselineOnly: [...baseline.keys()].filter((id) => !candidate.has(id)),
    candidateOnly: [...candidate.keys()].filter((id) => !baseline.has(id)),
    overall: compareFlips(
      pairs.map(([id, before, after]) => [id, overallVerdict(before), overallVerdict(after)]),
      options,
    ),
    score,
    criteria: criterionIds.map((criterionId) => ({
      criterionId,
      ...compareFlips(
        pairs.map(([id, before, after]) => [
          id,
          criterionVerdict(statusIn(before, criterionId)),
          criterionVerdict(statusIn(after, criterionId)),
        ]),
        options,
      ),
    })),
  };
}
