import { describe, expect, it } from 'vitest';
import { decideAcceptance } from './acceptance-guard.js';
import type { EvaluatedItem } from './optimization-types.js';
import { paretoFront } from './pareto-front.js';
import { signTestGreater } from './sign-test.js';

function item(id: number, score: number, statuses: Record<string, 'passed' | 'failed'>): EvaluatedItem {
  return { itemId: `i${id}`, score, passed: score === 1, statuses, rationales: {}, output: '', error: null };
}

const settings = { alpha: 0.05, maxCriterionDrop: 0.1, compressionTolerance: 0, criterionIds: ['a', 'b'] };
const range = (n: number) => Array.from({ length: n }, (_, index) => index);

describe('decideAcceptance', () => {
  it('accepts a significant improvement with no criterion falling', () => {
    const before = range(20).map((i) => item(i, 0.5, { a: 'failed', b: 'passed' }));
    const after = range(20).map((i) => item(i, i < 12 ? 1 : 0.5, { a: i < 12 ? 'passed' : 'failed', b: 'passed' }));
    const decision = decideAcceptance({ ...settings, before, after, tokensBefore: 10, tokensAfter: 14 });
    expect(decision).toMatchObject({ accepted: true, kind: 'improvement', wins: 12, losses: 0 });
    expect(decision.pValue).toBeCloseTo(1 / 4096, 6);
  });

  it('rejects a higher mean that breaks a criterion on many items', () => {
    const before = range(30).map((i) => item(i, 0.25, { a: 'failed', b: 'passed' }));
    // a (weight 3) now passes everywhere; b breaks on a third of the items: the mean rises from 0.25 to ~0.92.
    const after = range(30).map((i) =>
      item(i, i % 3 === 0 ? 0.75 : 1, { a: 'passed', b: i % 3 === 0 ? 'failed' : 'passed' }),
    );
    const decision = decideAcceptance({ ...settings, before, after, tokensBefore: 10, tokensAfter: 14 });
    expect(decision.scoreAfter).toBeGreaterThan(decision.scoreBefore);
    expect(decision.accepted).toBe(false);
    expect(decision.regressions).toEqual([
      expect.objectContaining({ criterionId: 'b', broke: 10, fixed: 0, before: 1, after: 2 / 3 }),
    ]);
    expect(decision.reason).toMatch(/criteria regressed: b 100% → 67%/);
  });

  it('rejects a mean that went up by chance (not significant)', () => {
    const before = range(20).map((i) => item(i, 0.5, { a: 'failed', b: 'passed' }));
    const after = range(20).map((i) =>
      item(i, i < 4 ? 1 : i === 4 ? 0 : 0.5, { a: i < 4 ? 'passed' : 'failed', b: 'passed' }),
    );
    const decision = decideAcceptance({ ...settings, before, after, tokensBefore: 10, tokensAfter: 12 });
    expect(decision).toMatchObject({ accepted: false, wins: 4, losses: 1 });
    expect(decision.reason).toMatch(/not significant/);
  });

  it('accepts a shorter prompt at equal score as a compression, and refuses one that scores lower', () => {
    const before = range(20).map((i) => item(i, 1, { a: 'passed', b: 'passed' }));
    const same = decideAcceptance({ ...settings, before, after: before, tokensBefore: 400, tokensAfter: 120 });
    expect(same).toMatchObject({ accepted: true, kind: 'compression' });
    const worse = range(20).map((i) => item(i, i === 0 ? 0.5 : 1, { a: i === 0 ? 'failed' : 'passed', b: 'passed' }));
    const decision = decideAcceptance({ ...settings, before, after: worse, tokensBefore: 400, tokensAfter: 120 });
    expect(decision.accepted).toBe(false);
  });
});

describe('signTestGreater and paretoFront', () => {
  it('computes the one-sided binomial tail', () => {
    expect(signTestGreater(5, 0)).toBeCloseTo(1 / 32, 10);
    expect(signTestGreater(6, 1)).toBeCloseTo(8 / 128, 10);
    expect(signTestGreater(0, 0)).toBe(1);
  });

  it('keeps the candidates no other beats on both score and tokens', () => {
    expect(
      paretoFront([
        { id: 'a', score: 0.8, tokens: 90 },
        { id: 'b', score: 0.8, tokens: 60 },
        { id: 'c', score: 0.5, tokens: 20 },
        { id: 'd', score: 0.4, tokens: 30 },
      ]),
    ).toEqual(['b', 'c']);
  });
});
