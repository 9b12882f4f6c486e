import { describe, expect, it } from 'vitest';
import { KaizenError } from '../errors/kaizen-error.js';
import { pairedBootstrapCi } from './paired-bootstrap.js';
import { quantileOfSorted } from './quantile.js';
import { seededRandom } from './seeded-random.js';

/** n paired pass flags where the candidate passes 20 points more often than the baseline. */
function simulatedPairs(n: number, seed: number): [number, number][] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => [random() < 0.5 ? 1 : 0, random() < 0.7 ? 1 : 0] as [number, number]);
}

describe('pairedBootstrapCi', () => {
  it('is deterministic for a seed and changes with it', () => {
    // Continuous differences, so two seeds cannot land on the same grid of possible means.
    const random = seededRandom(3);
    const deltas = Array.from({ length: 100 }, () => random() - 0.4);
    expect(pairedBootstrapCi(deltas, { seed: 11, iterations: 2000 })).toEqual(
      pairedBootstrapCi(deltas, { seed: 11, iterations: 2000 }),
    );
    expect(pairedBootstrapCi(deltas, { seed: 12, iterations: 2000 }).lower).not.toBe(
      pairedBootstrapCi(deltas, { seed: 11, iterations: 2000 }).lower,
    );
  });

  it('accepts deltas or pairs alike', () => {
    const pairs = simulatedPairs(50, 5);
    const deltas = pairs.map(([before, after]) => after - before);
    expect(pairedBootstrapCi(deltas, { seed: 1, iterations: 1000 })).toEqual(
      pairedBootstrapCi(pairs, { seed: 1, iterations: 1000 }),
    );
  });

  it('contains the true delta and narrows as n grows', () => {
    const small = pairedBootstrapCi(simulatedPairs(100, 1), { seed: 2, iterations: 4000 });
    const large = pairedBootstrapCi(simulatedPairs(2000, 1), { seed: 2, iterations: 4000 });
    for (const interval of [small, large]) {
      expect(interval.lower).toBeLessThan(0.2);
      expect(interval.upper).toBeGreaterThan(0.2);
      expect(interval.lower).toBeLessThanOrEqual(interval.estimate);
      expect(interval.upper).toBeGreaterThanOrEqual(interval.estimate);
    }
    expect(large.upper - large.lower).toBeLessThan((small.upper - small.lower) / 2);
    // √(Var/n) with Var(delta) ≈ 0.46: the 95% width is about 2·1.96·0.0152 ≈ 0.06 at n = 2000.
    expect(large.upper - large.lower).toBeGreaterThan(0.04);
    expect(large.upper - large.lower).toBeLessThan(0.08);
  });

  it('collapses to the value when every delta is the same', () => {
    expect(pairedBootstrapCi([0.5, 0.5, 0.5], { iterations: 100 })).toMatchObject({
      estimate: 0.5,
      lower: 0.5,
      upper: 0.5,
    });
  });

  it('refuses bad input', () => {
    expect(() => pairedBootstrapCi([])).toThrow(KaizenError);
    expect(() => pairedBootstrapCi([1], { iterations: 0 })).toThrow(KaizenError);
    expect(() => pairedBootstrapCi([1], { confidence: 1 })).toThrow(KaizenError);
    expect(() => pairedBootstrapCi([Number.NaN])).toThrow(KaizenError);
  });
});

describe('quantileOfSorted', () => {
  it('interpolates linearly (type 7)', () => {
    expect(quantileOfSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileOfSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileOfSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileOfSorted([10], 0.3)).toBe(10);
    expect(quantileOfSorted([0, 10], 0.025)).toBeCloseTo(0.25, 12);
  });
});

describe('seededRandom', () => {
  it('gives numbers in [0, 1) deterministically', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    for (let index = 0; index < 1000; index += 1) {
      const value = a();
      expect(value).toBe(b());
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});
