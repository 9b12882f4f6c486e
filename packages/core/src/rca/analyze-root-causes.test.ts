import { describe, expect, it } from 'vitest';
import { seededRandom } from '../statistics/seeded-random.js';
import { analyzeRootCauses } from './analyze-root-causes.js';
import type { RcaItem } from './rca-types.js';

const CRITERIA = ['format', 'grounded', 'tone', 'length', 'language'].map((id) => ({ id, weight: 1 }));
const FEATURES: Readonly<Record<string, readonly string[]>> = {
  language: ['en', 'en', 'en', 'en', 'en', 'en', 'de', 'fr', 'es', 'it'],
  tool: ['search', 'calculator', 'none', 'none'],
  inputLength: ['short', 'medium', 'medium', 'long'],
  promptVersion: ['1', '2', '3'],
  model: ['gpt-4o', 'gpt-4o-mini'],
  environment: ['production', 'staging'],
  'metadata.tier': ['free', 'pro', 'team'],
  'variable.topic': ['billing', 'shipping', 'returns', 'other'],
};

interface Plant {
  readonly feature: string;
  readonly value: string;
  readonly criterion: string;
}

/** Every criterion fails at a base rate of 10 %; the planted value makes its criterion fail at 35 %. */
function generate(seed: number, plant: Plant | null, count = 2000): RcaItem[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const features: Record<string, string> = {};
    for (const [name, values] of Object.entries(FEATURES)) {
      features[name] = values[Math.floor(random() * values.length)] as string;
    }
    const results: Record<string, 'passed' | 'failed'> = {};
    for (const { id } of CRITERIA) {
      const planted = plant !== null && plant.criterion === id && features[plant.feature] === plant.value;
      results[id] = random() < (planted ? 0.35 : 0.1) ? 'failed' : 'passed';
    }
    const day = `2025-01-${String(1 + (index % 7)).padStart(2, '0')}`;
    return { traceId: `t${seed}-${index}`, startTime: `${day}T12:00:00.000Z`, results, features };
  });
}

// core compiles without DOM or Node types; the counts are printed so a run shows them, not only pass or fail.
const print = (message: string): void =>
  (globalThis as unknown as { console: { log: (text: string) => void } }).console.log(message);

const SEEDS = Array.from({ length: 50 }, (_, index) => 1000 + index);
const PLANTS: readonly Plant[] = [
  { feature: 'language', value: 'de', criterion: 'language' },
  { feature: 'tool', value: 'search', criterion: 'grounded' },
  { feature: 'inputLength', value: 'long', criterion: 'length' },
  { feature: 'promptVersion', value: '3', criterion: 'format' },
];

describe('analyzeRootCauses: planted causes', () => {
  for (const plant of PLANTS) {
    it(`finds ${plant.feature}=${plant.value} behind ${plant.criterion} first in ≥ 95 % of 50 seeds`, () => {
      let first = 0;
      for (const seed of SEEDS) {
        const report = analyzeRootCauses({ items: generate(seed, plant), criteria: CRITERIA });
        const cause = report.causes.find((candidate) => candidate.criteria.includes(plant.criterion));
        const top = cause?.drivers[0];
        if (top?.feature === plant.feature && top.value === plant.value) first += 1;
      }
      print(`planted ${plant.feature}=${plant.value} → ${plant.criterion}: ranked first in ${first}/50 seeds`);
      expect(first).toBeGreaterThanOrEqual(48);
    });
  }

  it('reports no driver on pure noise in ≥ 95 % of 50 seeds', () => {
    let clean = 0;
    for (const seed of SEEDS) {
      const report = analyzeRootCauses({ items: generate(seed, null), criteria: CRITERIA });
      if (report.causes.every((cause) => cause.drivers.length === 0)) clean += 1;
    }
    print(`pure noise: no driver reported in ${clean}/50 seeds`);
    expect(clean).toBeGreaterThanOrEqual(48);
  });
});

describe('analyzeRootCauses: report shape', () => {
  const plant = { feature: 'promptVersion', value: '3', criterion: 'format' };
  const items = generate(7, plant);
  // `grounded` fails exactly where `format` fails: one cluster, one cause.
  const coupled: RcaItem[] = items.map((item) => ({
    ...item,
    results: { ...item.results, grounded: item.results.format ?? ('passed' as const) },
    excerpts: { output: `output of ${item.traceId}` },
    rationales: { format: `invalid JSON in ${item.traceId}` },
  }));
  const report = analyzeRootCauses({
    items: coupled,
    criteria: [...CRITERIA.filter((criterion) => criterion.id !== 'format'), { id: 'format', weight: 3 }],
  });

  it('clusters criteria that fail together into one cause', () => {
    expect(report.clusters).toEqual([{ criteria: ['format', 'grounded'], jaccard: 1, support: expect.any(Number) }]);
    const causeIds = report.causes.map((cause) => cause.id);
    expect(causeIds).toContain('cause:format+grounded');
    expect(causeIds).not.toContain('cause:format');
    expect(report.causes[0]?.id).toBe('cause:format+grounded');
  });

  it('ranks failure modes by lost score share, weighted', () => {
    expect(report.failureModes[0]?.criterionId).toBe('format');
    const shares = report.failureModes.reduce((sum, mode) => sum + mode.lostScoreShare, 0);
    expect(shares).toBeCloseTo(1, 12);
    const format = report.failureModes[0];
    expect(format?.failureRate).toBeCloseTo((format?.failures ?? 0) / (format?.total ?? 1), 12);
  });

  it('gives evidence with driver-carrying failures and close passing contrasts, and trends', () => {
    const cause = report.causes[0];
    expect(cause?.drivers[0]).toMatchObject({ feature: 'promptVersion', value: '3' });
    expect(cause?.evidence.failing).toHaveLength(5);
    const byId = new Map(coupled.map((item) => [item.traceId, item]));
    for (const evidence of cause?.evidence.failing ?? []) {
      expect(byId.get(evidence.traceId)?.features.promptVersion).toBe('3');
      expect(evidence.excerpt).toBe(`invalid JSON in ${evidence.traceId}`);
    }
    expect(cause?.evidence.passingContrast).toHaveLength(5);
    for (const evidence of cause?.evidence.passingContrast ?? []) {
      expect(byId.get(evidence.traceId)?.results.format).toBe('passed');
    }
    const versions = cause?.trend.byPromptVersion ?? [];
    expect(versions.map((entry) => entry.version)).toEqual(['1', '2', '3']);
    const worst = [...versions].sort((left, right) => right.failureRate - left.failureRate)[0];
    expect(worst?.version).toBe('3');
    expect(cause?.trend.byDay).toHaveLength(7);
  });

  it('leaves errored and skipped results out of the rates', () => {
    const small = analyzeRootCauses({
      items: [
        { traceId: 'a', startTime: '2025-01-01T00:00:00Z', results: { x: 'failed' }, features: {} },
        { traceId: 'b', startTime: '2025-01-01T00:00:00Z', results: { x: 'errored' }, features: {} },
        { traceId: 'c', startTime: '2025-01-01T00:00:00Z', results: { x: 'skipped' }, features: {} },
        { traceId: 'd', startTime: '2025-01-01T00:00:00Z', results: { x: 'passed' }, features: {} },
      ],
      criteria: [{ id: 'x', weight: 1 }],
    });
    expect(small.failureModes).toEqual([
      { criterionId: 'x', failureRate: 0.5, failures: 1, total: 2, lostScoreShare: 1 },
    ]);
  });
});
