import { describe, expect, it } from 'vitest';
import { compileChecklist } from '../compile-checklist.js';
import { evaluateCheck, statusOf } from '../testing/evaluate-check.js';
import { setOverlap } from './set-overlap.js';

describe('numeric_range', () => {
  const check = { kind: 'numeric_range', path: '$.rating', min: 1, max: 5 } as const;

  it('includes both bounds', async () => {
    expect(await statusOf(check, '{"rating":1}')).toBe('passed');
    expect(await statusOf(check, '{"rating":5}')).toBe('passed');
    expect(await statusOf(check, '{"rating":5.01}')).toBe('failed');
    expect(await statusOf(check, '{"rating":0}')).toBe('failed');
  });

  it('fails wrong types and missing paths', async () => {
    const text = await evaluateCheck(check, { output: '{"rating":"4"}' });
    expect(text).toMatchObject({ status: 'failed', rationale: '$.rating is "4", not a number' });
    expect(await statusOf(check, '{"rating":null}')).toBe('failed');
    expect(await statusOf(check, '{}')).toBe('failed');
    expect(await statusOf(check, '{"rating":4')).toBe('failed');
  });

  it('requires both bounds, in order', () => {
    const compile = (spec: object) => () =>
      compileChecklist({
        name: 'x',
        passThreshold: 1,
        criteria: [
          { id: 'n', description: '', weight: 1, check: { kind: 'numeric_range', path: '$', ...spec } as never },
        ],
      });
    expect(compile({ min: 1 })).toThrow(/criterion "n": max is required/);
    expect(compile({ max: 1 })).toThrow(/min is required/);
    expect(compile({ min: 2, max: 1 })).toThrow(/min \(2\) is greater than max \(1\)/);
  });
});

describe('setOverlap', () => {
  it('computes precision, recall and F1 over distinct values', () => {
    const overlap = setOverlap(['a', 'b', 'c'], ['a', 'b', 'd', 'e']);
    expect(overlap.precision).toBeCloseTo(2 / 3, 12);
    expect(overlap.recall).toBeCloseTo(0.5, 12);
    expect(overlap.f1).toBeCloseTo(4 / 7, 12);
    expect(setOverlap(['a', 'a'], ['a'])).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(setOverlap([1, '1'], [1]).precision).toBe(0.5);
  });

  it('handles empty sides', () => {
    expect(setOverlap([], [])).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(setOverlap([], ['a'])).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(setOverlap(['a'], [])).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('set_overlap', () => {
  const check = { kind: 'set_overlap', path: '$.tags', expected: { expectedPath: '$.tags' }, minRecall: 0.5 } as const;

  it('passes and fails on its thresholds, with the figures as rationale', async () => {
    const pass = await evaluateCheck(check, { output: '{"tags":["a","x"]}', expected: { tags: ['a', 'b'] } });
    expect(pass).toMatchObject({ status: 'passed', rationale: 'precision 0.500, recall 0.500, F1 0.500' });
    expect(await statusOf(check, { output: '{"tags":["x"]}', expected: { tags: ['a', 'b'] } })).toBe('failed');
    const strict = { ...check, minPrecision: 1 };
    expect(await statusOf(strict, { output: '{"tags":["a","x"]}', expected: { tags: ['a', 'b'] } })).toBe('failed');
    const folded = { ...check, minRecall: 1, caseSensitive: false };
    expect(await statusOf(folded, { output: '{"tags":["A","B"]}', expected: { tags: ['a', 'b'] } })).toBe('passed');
  });

  it('fails malformed output and skips without expected', async () => {
    expect(await statusOf(check, { output: '{"tags":', expected: { tags: ['a'] } })).toBe('failed');
    expect(await statusOf(check, { output: '{}', expected: { tags: ['a'] } })).toBe('failed');
    expect(await statusOf(check, { output: '{"tags":["a"]}' })).toBe('skipped');
  });

  it('requires a threshold', () => {
    expect(() =>
      compileChecklist({
        name: 'x',
        passThreshold: 1,
        criteria: [
          { id: 's', description: '', weight: 1, check: { kind: 'set_overlap', path: '$', expected: { value: [] } } },
        ],
      }),
    ).toThrow(/criterion "s": set a threshold/);
  });
});
