import { describe, expect, it } from 'vitest';
import { KaizenError } from '../errors/kaizen-error.js';
import type { ChecklistResult, CriterionStatus } from '../evaluation/results.js';
import { compareExperiments, type ExperimentItem } from './compare-experiments.js';

function item(itemId: string, json: CriterionStatus, tone: CriterionStatus, score: number | null): ExperimentItem {
  const errors = [json, tone].filter((status) => status === 'errored').length;
  const result: ChecklistResult = {
    score,
    passed: errors === 0 && score !== null && score >= 0.5,
    label: 'x',
    results: [
      { criterionId: 'json', status: json, rationale: null },
      { criterionId: 'tone', status: tone, rationale: null },
    ],
    errors,
    judgeUsage: null,
  };
  return { itemId, result };
}

describe('compareExperiments', () => {
  const baseline = [
    item('1', 'failed', 'passed', 0.5),
    item('2', 'failed', 'failed', 0),
    item('3', 'passed', 'passed', 1),
    item('4', 'passed', 'errored', 1),
    item('only-baseline', 'passed', 'passed', 1),
  ];
  const candidate = [
    item('1', 'passed', 'passed', 1),
    item('2', 'passed', 'failed', 0.5),
    item('3', 'passed', 'failed', 0.5),
    item('4', 'passed', 'passed', 1),
    item('only-candidate', 'passed', 'passed', 1),
  ];
  const report = compareExperiments(baseline, candidate, { seed: 1, iterations: 1000 });

  it('pairs items by id and lists the unpaired', () => {
    expect(report.paired).toBe(4);
    expect(report.baselineOnly).toEqual(['only-baseline']);
    expect(report.candidateOnly).toEqual(['only-candidate']);
  });

  it('compares each criterion over items with a verdict in both runs', () => {
    const json = report.criteria.find((entry) => entry.criterionId === 'json');
    expect(json).toMatchObject({ fixedItemIds: ['1', '2'], brokenItemIds: [], excluded: 0 });
    expect(json?.comparison).toMatchObject({ n: 4, baselineRate: 0.5, candidateRate: 1, fixed: 2, broken: 0 });
    expect(json?.comparison?.pValue).toBeCloseTo(0.5, 12);
    const tone = report.criteria.find((entry) => entry.criterionId === 'tone');
    expect(tone).toMatchObject({ fixedItemIds: [], brokenItemIds: ['3'], excluded: 1 });
    expect(tone?.comparison?.n).toBe(3);
  });

  it('compares item verdicts without errored items, and the mean score with a CI', () => {
    // Items 1–3 (item 4 errored in the baseline): verdicts 1: T→T, 2: F→T, 3: T→T.
    expect(report.overall).toMatchObject({ fixedItemIds: ['2'], brokenItemIds: [], excluded: 1 });
    expect(report.score?.n).toBe(4);
    expect(report.score?.baselineMean).toBeCloseTo(0.625, 12);
    expect(report.score?.candidateMean).toBeCloseTo(0.75, 12);
    expect(report.score?.delta).toBeCloseTo(0.125, 12);
    const [lower, upper] = report.score?.ci95 ?? [0, 0];
    expect(lower).toBeLessThanOrEqual(0.125);
    expect(upper).toBeGreaterThanOrEqual(0.125);
  });

  it('gives null comparisons when nothing is paired and refuses duplicate ids', () => {
    const empty = compareExperiments(baseline, []);
    expect(empty).toMatchObject({ paired: 0, score: null, criteria: [] });
    expect(empty.overall.comparison).toBeNull();
    expect(() => compareExperiments([baseline[0], baseline[0]] as ExperimentItem[], candidate)).toThrow(KaizenError);
  });
});
