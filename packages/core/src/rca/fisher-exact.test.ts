import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from './benjamini-hochberg.js';
import { fisherExact } from './fisher-exact.js';
import { logFactorial, logGamma } from './log-gamma.js';

// The textbook definition, summed over every table: fine for small counts, the reference for the fast version.
function naiveFisher(a: number, b: number, c: number, d: number): number {
  const row1 = a + b;
  const row2 = c + d;
  const column1 = a + c;
  const total = row1 + row2;
  const logP = (x: number): number =>
    logFactorial(row1) +
    logFactorial(row2) +
    logFactorial(column1) +
    logFactorial(total - column1) -
    logFactorial(total) -
    logFactorial(x) -
    logFactorial(row1 - x) -
    logFactorial(column1 - x) -
    logFactorial(row2 - column1 + x);
  const observed = logP(a);
  let sum = 0;
  for (let x = Math.max(0, column1 - row2); x <= Math.min(row1, column1); x += 1) {
    if (logP(x) <= observed + Math.log1p(1e-7)) sum += Math.exp(logP(x));
  }
  return Math.min(1, sum);
}

describe('logGamma', () => {
  it('matches exact factorials and large-n Stirling values', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    let exact = 0;
    for (let k = 2; k <= 1000; k += 1) exact += Math.log(k);
    expect(logFactorial(1000) / exact).toBeCloseTo(1, 13);
  });
});

describe('fisherExact', () => {
  it('gives the textbook values', () => {
    expect(fisherExact(3, 1, 1, 3)).toBeCloseTo(0.4857142857, 9);
    expect(fisherExact(10, 0, 0, 10)).toBeCloseTo(2 / 184_756, 15);
    expect(fisherExact(1, 9, 11, 3)).toBeCloseTo(0.002759456, 8);
    expect(fisherExact(0, 0, 5, 5)).toBe(1);
  });

  it('agrees with the full sum on random tables', () => {
    let state = 7;
    const next = (limit: number): number => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state % limit;
    };
    for (let trial = 0; trial < 300; trial += 1) {
      const [a, b, c, d] = [next(60), next(400), next(60), next(400)] as [number, number, number, number];
      const expected = naiveFisher(a, b, c, d);
      const actual = fisherExact(a, b, c, d);
      expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(expected, 1e-300) + 1e-300);
    }
  });

  it('stays finite and ordered on 100,000-item tables', () => {
    const strong = fisherExact(3000, 7000, 9000, 81_000);
    const weak = fisherExact(1010, 8990, 9000, 81_000);
    expect(Number.isFinite(strong)).toBe(true);
    expect(strong).toBeLessThan(1e-100);
    expect(weak).toBeGreaterThan(0.5);
    expect(naiveFisher(1010, 8990, 9000, 81_000)).toBeCloseTo(weak, 9);
  });
});

describe('benjaminiHochberg', () => {
  it('adjusts and keeps monotonicity', () => {
    expect([...benjaminiHochberg([0.01, 0.04, 0.03])]).toEqual([0.03, 0.04, 0.04]);
    expect([...benjaminiHochberg([0.9, 0.001])]).toEqual([0.9, 0.002]);
  });
});
