import { describe, expect, it } from 'vitest';
import { type AgreementPair, judgeAgreement, judgeAgreementByCriterion } from './judge-agreement.js';

const pairs = (tp: number, fp: number, fn: number, tn: number): AgreementPair[] => [
  ...Array.from({ length: tp }, () => ({ judge: true, human: true })),
  ...Array.from({ length: fp }, () => ({ judge: true, human: false })),
  ...Array.from({ length: fn }, () => ({ judge: false, human: true })),
  ...Array.from({ length: tn }, () => ({ judge: false, human: false })),
];

describe('judgeAgreement', () => {
  it('matches hand-computed values', () => {
    // p_o = 0.7, p_e = 0.6·0.5 + 0.4·0.5 = 0.5, κ = 0.2 / 0.5 = 0.4
    const result = judgeAgreement(pairs(20, 10, 5, 15));
    expect(result.n).toBe(50);
    expect(result.confusion).toEqual({ tp: 20, fp: 10, fn: 5, tn: 15 });
    expect(result.accuracy).toBeCloseTo(0.7, 12);
    expect(result.kappa).toBeCloseTo(0.4, 12);
    expect(result.truePositiveRate).toBeCloseTo(0.8, 12);
    expect(result.trueNegativeRate).toBeCloseTo(0.6, 12);
  });

  it('is 1 for perfect agreement and negative below chance', () => {
    expect(judgeAgreement(pairs(5, 0, 0, 5)).kappa).toBe(1);
    // Total disagreement with balanced marginals: p_o = 0, p_e = 0.5, κ = −1.
    expect(judgeAgreement(pairs(0, 5, 5, 0)).kappa).toBe(-1);
  });

  it('handles degenerate cases', () => {
    expect(judgeAgreement([])).toEqual({
      n: 0,
      confusion: { tp: 0, fp: 0, fn: 0, tn: 0 },
      accuracy: null,
      kappa: null,
      truePositiveRate: null,
      trueNegativeRate: null,
    });
    // Both always "pass": p_e = 1, κ undefined although accuracy is 1.
    expect(judgeAgreement(pairs(4, 0, 0, 0))).toMatchObject({ accuracy: 1, kappa: null, trueNegativeRate: null });
    // Judge always passes, human splits: p_o = 0.5, p_e = 0.5, κ = 0 (no better than chance).
    expect(judgeAgreement(pairs(2, 2, 0, 0))).toMatchObject({ accuracy: 0.5, kappa: 0 });
  });

  it('groups by criterion', () => {
    const byCriterion = judgeAgreementByCriterion([
      { criterionId: 'polite', judge: true, human: true },
      { criterionId: 'cites', judge: true, human: false },
      { criterionId: 'polite', judge: false, human: false },
    ]);
    expect([...byCriterion.keys()]).toEqual(['polite', 'cites']);
    expect(byCriterion.get('polite')?.kappa).toBe(1);
    expect(byCriterion.get('cites')?.accuracy).toBe(0);
  });
});
