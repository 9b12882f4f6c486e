import { describe, expect, it } from 'vitest';
import { KaizenError } from '../errors/kaizen-error.js';
import { comparePassRates } from './compare-pass-rates.js';

const flags = (pattern: string) => [...pattern].map((character) => character === '1');

describe('comparePassRates', () => {
  it('computes rates, delta, percent change, flips and McNemar p', () => {
    // 10 items: 9 fixed, 1 broken.
    const baseline = flags('0000000001');
    const candidate = flags('1111111110');
    const result = comparePassRates(baseline, candidate, { seed: 3, iterations: 2000 });
    expect(result).toMatchObject({ n: 10, baselineRate: 0.1, candidateRate: 0.9, fixed: 9, broken: 1 });
    expect(result.delta).toBeCloseTo(0.8, 12);
    expect(result.percentChange).toBeCloseTo(800, 9);
    expect(result.pValue).toBeCloseTo(0.021484375, 12);
    expect(result.ci95[0]).toBeGreaterThan(0.3);
    expect(result.ci95[1]).toBeLessThanOrEqual(1);
  });

  it('has no percent change from a zero baseline and p = 1 without flips', () => {
    expect(comparePassRates(flags('00'), flags('01')).percentChange).toBeNull();
    const same = comparePassRates(flags('0110'), flags('0110'));
    expect(same).toMatchObject({ delta: 0, pValue: 1, fixed: 0, broken: 0, ci95: [0, 0] });
  });

  it('refuses unpaired or empty lists', () => {
    expect(() => comparePassRates([true], [true, false])).toThrow(KaizenError);
    expect(() => comparePassRates([], [])).toThrow(KaizenError);
  });
});
