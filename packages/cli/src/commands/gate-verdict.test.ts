// The gate's rule on hand-built comparisons: significant drops beyond the margin fail, noise and drops within the
// margin are notes, the mean score fails on its CI, and missing answers stop a pass but never hide a regression.
import type { ExperimentComparison, PassRateComparison } from '@kaizen/core';
import { describe, expect, it } from 'vitest';
import { judgeGate, significantlyWorse } from './gate-verdict.js';

function rate(
  baselineRate: number,
  candidateRate: number,
  extra: Partial<PassRateComparison> = {},
): PassRateComparison {
  const delta = candidateRate - baselineRate;
  return {
    n: 40,
    baselineRate,
    candidateRate,
    delta,
    percentChange: baselineRate === 0 ? null : (delta / baselineRate) * 100,
    ci95: [delta - 0.1, delta + 0.1],
    pValue: 0.5,
    fixed: 0,
    broken: 0,
    ...extra,
  };
}

function comparison(
  criteria: Record<string, PassRateComparison | null>,
  overall = rate(0.5, 0.5),
): ExperimentComparison {
  return {
    paired: 40,
    baselineOnly: [],
    candidateOnly: [],
    overall: { comparison: overall, fixedItemIds: [], brokenItemIds: [], excluded: 0 },
    score: null,
    criteria: Object.entries(criteria).map(([criterionId, stats]) => ({
      criterionId,
      comparison: stats,
      fixedItemIds: [],
      brokenItemIds: [],
      excluded: 0,
    })),
  };
}

const SIGNIFICANT_DROP = rate(0.9, 0.5, { ci95: [-0.55, -0.25], pValue: 0.0001, broken: 16, fixed: 0 });
const judge = (input: ExperimentComparison, maxRegression = 0, errors: [number, number] = [0, 0]) =>
  judgeGate({ comparison: input, baselineErrors: errors[0], candidateErrors: errors[1], maxRegression });

describe('judgeGate', () => {
  it('passes when nothing dropped', () => {
    expect(judge(comparison({ json: rate(0.5, 0.8), context: rate(0.7, 0.7) }))).toEqual({
      verdict: 'passed',
      reasons: [],
      warnings: [],
    });
  });

  it('fails on a significant criterion drop, naming the criterion with its figures', () => {
    const verdict = judge(comparison({ json: SIGNIFICANT_DROP, context: rate(0.2, 0.9) }));
    expect(verdict.verdict).toBe('failed');
    expect(verdict.reasons).toEqual([
      'json 90.0% → 50.0% (-40.0 pp, 95% CI [-55.0, -25.0], p=0.0001, 16 broken, 0 fixed)',
    ]);
  });

  it('notes a drop that is not significant (by p, or by a CI that reaches zero) without failing', () => {
    const byP = rate(0.9, 0.8, { ci95: [-0.2, -0.01], pValue: 0.06 });
    const byCi = rate(0.9, 0.8, { ci95: [-0.2, 0], pValue: 0.04 });
    expect(significantlyWorse(byP)).toBe(false);
    expect(significantlyWorse(byCi)).toBe(false);
    const verdict = judge(comparison({ a: byP, b: byCi }));
    expect(verdict.verdict).toBe('passed');
    expect(verdict.warnings).toHaveLength(2);
    expect(verdict.warnings[0]).toMatch(/^a 90\.0% → 80\.0% \(-10\.0 pp, .*\): not significant at 0\.05$/);
  });

  it('lets a significant drop up to --max-regression points pass, and fails one beyond it', () => {
    expect(judge(comparison({ json: SIGNIFICANT_DROP }), 40).verdict).toBe('passed');
    expect(judge(comparison({ json: SIGNIFICANT_DROP }), 40).warnings[0]).toMatch(/within --max-regression 40 pp$/);
    expect(judge(comparison({ json: SIGNIFICANT_DROP }), 39.9).verdict).toBe('failed');
    // 1/40 in points is 2.5000000000000004: equal to a margin of 2.5, not beyond it.
    const oneItem = rate(1, 39 / 40, { ci95: [-0.075, -0.001], pValue: 0.01 });
    expect(judge(comparison({ json: oneItem }), 2.5).verdict).toBe('passed');
  });

  it('fails on a significantly worse overall pass rate', () => {
    const verdict = judge(comparison({}, SIGNIFICANT_DROP));
    expect(verdict.verdict).toBe('failed');
    expect(verdict.reasons[0]).toMatch(/^overall pass rate 90\.0% → 50\.0%/);
  });

  it('fails when the mean score CI lies below zero by more than the margin (points on 0–100)', () => {
    const input = {
      ...comparison({}),
      score: { n: 40, baselineMean: 0.9, candidateMean: 0.8, delta: -0.1, ci95: [-0.15, -0.05] as const },
    };
    expect(judge(input).reasons).toEqual(['mean score 0.900 → 0.800 (Δ -0.100, 95% CI [-0.150, -0.050], n=40)']);
    expect(judge(input, 10).verdict).toBe('passed');
    const noisy = { ...input, score: { ...input.score, ci95: [-0.2, 0.01] as const } };
    expect(judge(noisy).warnings[0]).toMatch(/: not significant at 0\.05$/);
  });

  it('errors when items have no answer or nothing pairs, unless a regression already fails it', () => {
    expect(judge(comparison({ json: rate(0.5, 0.6) }), 0, [0, 3])).toEqual({
      verdict: 'error',
      reasons: ['candidate: 3 items have no answer (model call failed)'],
      warnings: [],
    });
    const unpaired = {
      ...comparison({}),
      overall: { comparison: null, fixedItemIds: [], brokenItemIds: [], excluded: 40 },
    };
    expect(judge(unpaired).verdict).toBe('error');
    const failed = judge(comparison({ json: SIGNIFICANT_DROP }), 0, [2, 3]);
    expect(failed.verdict).toBe('failed');
    expect(failed.warnings).toContain('baseline: 2 items have no answer (model call failed)');
  });

  it('notes a criterion without paired verdicts instead of judging it', () => {
    const verdict = judge(comparison({ judged: null }));
    expect(verdict).toMatchObject({
      verdict: 'passed',
      warnings: ['judged: no item has a verdict in both runs, not judged'],
    });
  });
});
