import { describe, expect, it } from 'vitest';
import { powerSpending, type SignLook, signThresholds } from './sequential-sign-test.js';
import { signTestGreater } from './sign-test.js';

/** Probability that a fair coin walk over the looks' discordant pairs reaches some look's threshold. */
function falseAcceptChance(looks: readonly SignLook[], thresholds: readonly number[]): number {
  let mass = [1];
  let crossed = 0;
  looks.forEach((look, index) => {
    while (mass.length - 1 < look.discordant) {
      const next = new Array<number>(mass.length + 1).fill(0);
      mass.forEach((p, wins) => {
        next[wins] = (next[wins] ?? 0) + p / 2;
        next[wins + 1] = (next[wins + 1] ?? 0) + p / 2;
      });
      mass = next;
    }
    const threshold = thresholds[index] ?? Number.POSITIVE_INFINITY;
    mass = mass.map((p, wins) => {
      if (wins < threshold) return p;
      crossed += p;
      return 0;
    });
  });
  return crossed;
}

/** A seeded walk of look schedules: discordant counts that grow by 0–8 pairs per look. */
function schedules(count: number): SignLook[][] {
  let state = 7;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return Array.from({ length: count }, () => {
    const looks = 1 + Math.floor(next() * 6);
    let discordant = 0;
    return Array.from({ length: looks }, (_, index) => {
      discordant += Math.floor(next() * 9);
      return { discordant, fraction: (index + 1) / looks };
    });
  });
}

describe('signThresholds', () => {
  it('is the fixed-split sign test when there is one look', () => {
    for (let n = 1; n <= 40; n++) {
      const [threshold = 0] = signThresholds(0.05, [{ discordant: n, fraction: 1 }]);
      if (threshold <= n) expect(signTestGreater(threshold, n - threshold)).toBeLessThanOrEqual(0.05);
      expect(signTestGreater(threshold - 1, n - threshold + 1)).toBeGreaterThan(0.05);
    }
  });

  it('keeps the chance of ever accepting a coin-flip edit under alpha, whatever the looks', () => {
    for (const looks of schedules(300)) {
      const thresholds = signThresholds(0.05, looks);
      expect(falseAcceptChance(looks, thresholds)).toBeLessThanOrEqual(0.05 + 1e-9);
    }
  });

  it('stops early only on an overwhelming improvement, and carries unspent error to the last look', () => {
    // 10 better items out of 10 after a third of the split: accepted (p ≈ 0.001 ≤ 0.05 / 9).
    expect(signThresholds(0.05, [{ discordant: 10, fraction: 1 / 3 }], 2)).toEqual([10]);
    // 6 out of 6 is not enough at a third (p ≈ 0.016), and is at the end.
    expect(signThresholds(0.05, [{ discordant: 6, fraction: 1 / 3 }], 2)).toEqual([7]);
    const looks = [
      { discordant: 2, fraction: 1 / 3 },
      { discordant: 4, fraction: 2 / 3 },
      { discordant: 5, fraction: 1 },
    ];
    // Two and four discordant pairs cannot spend anything; five out of five (p ≈ 0.031) still accepts at the end.
    expect(signThresholds(0.05, looks, 2)).toEqual([3, 5, 5]);
  });

  it('spends alpha along a power of the share read', () => {
    expect(powerSpending(0.05, 0.5, 2)).toBeCloseTo(0.0125, 10);
    expect(powerSpending(0.05, 1, 2)).toBe(0.05);
    expect(powerSpending(0.05, 0, 2)).toBe(0);
  });
});
