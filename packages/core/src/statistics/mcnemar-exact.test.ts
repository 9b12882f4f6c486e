import { describe, expect, it } from 'vitest';
import { KaizenError } from '../errors/kaizen-error.js';
import { mcnemarExact } from './mcnemar-exact.js';

describe('mcnemarExact', () => {
  it('matches exact binomial values', () => {
    expect(mcnemarExact(1, 9)).toBeCloseTo(0.021484375, 12); // 2 · (1 + 10) / 1024
    expect(mcnemarExact(9, 1)).toBeCloseTo(0.021484375, 12);
    expect(mcnemarExact(0, 5)).toBeCloseTo(0.0625, 12); // 2 / 32
    expect(mcnemarExact(2, 8)).toBeCloseTo(0.109375, 12); // 2 · 56 / 1024
    expect(mcnemarExact(5, 5)).toBe(1);
    expect(mcnemarExact(3, 4)).toBe(1);
  });

  it('is 1 without discordant pairs and stays finite for large counts', () => {
    expect(mcnemarExact(0, 0)).toBe(1);
    const p = mcnemarExact(2000, 2200);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(0.01);
    expect(mcnemarExact(5000, 5000)).toBeCloseTo(1, 6);
  });

  it('refuses negative or fractional counts', () => {
    expect(() => mcnemarExact(-1, 2)).toThrow(KaizenError);
    expect(() => mcnemarExact(1.5, 2)).toThrow(KaizenError);
  });
});
