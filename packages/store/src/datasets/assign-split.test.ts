// Split settings and the hash that assigns an item to a split.
import { describe, expect, it } from 'vitest';
import { assignSplit, resolveSplitSettings, splitPoint } from './assign-split.js';

describe('resolveSplitSettings', () => {
  it('fills defaults and refuses fractions that do not sum to 1, out of range, or a fractional seed', () => {
    expect(resolveSplitSettings()).toEqual({ seed: 0, train: 0.6, validation: 0.2, holdout: 0.2 });
    expect(resolveSplitSettings({ seed: 3, train: 0.7, validation: 0.2, holdout: 0.1 })).toMatchObject({ seed: 3 });
    expect(() => resolveSplitSettings({ train: 0.7 })).toThrow(/sum to 1/);
    expect(() => resolveSplitSettings({ train: 1.2, validation: -0.1, holdout: -0.1 })).toThrow(/\[0, 1\]/);
    expect(() => resolveSplitSettings({ seed: 0.5 })).toThrow(/integer/);
  });
});

describe('assignSplit', () => {
  it('depends on the id and the seed only, and follows the fractions', () => {
    const settings = resolveSplitSettings({ seed: 9 });
    expect(assignSplit('item-1', settings)).toBe(assignSplit('item-1', { ...settings }));
    expect(splitPoint('item-1', 9)).not.toBe(splitPoint('item-1', 10));
    const counts = { train: 0, validation: 0, holdout: 0 };
    for (let index = 0; index < 5000; index++) counts[assignSplit(`item-${index}`, settings)]++;
    expect(counts.train / 5000).toBeCloseTo(0.6, 1);
    expect(counts.validation / 5000).toBeCloseTo(0.2, 1);
    expect(counts.holdout / 5000).toBeCloseTo(0.2, 1);
    const onlyTrain = resolveSplitSettings({ train: 1, validation: 0, holdout: 0 });
    expect(assignSplit('anything', onlyTrain)).toBe('train');
  });
});
