// Deterministic train/validation/holdout assignment: a hash of (seed, itemId) picks the split, so an item keeps its
// split whatever the order, size or other items of the version, and the same seed always gives the same split.
import { createHash } from 'node:crypto';
import { KaizenError } from '@kaizen/core';
import { DATASET_SPLITS, type DatasetSplit, type SplitSettings } from './dataset-types.js';

export const DEFAULT_SPLITS: SplitSettings = { seed: 0, train: 0.6, validation: 0.2, holdout: 0.2 };

/** Fractions may be off by rounding when typed as decimals (0.7 + 0.2 + 0.1). */
const TOLERANCE = 1e-6;

/**
 * Fills in the defaults and checks the fractions (each in [0, 1], summing to 1) and the seed (a safe integer).
 *
 * @example
 * resolveSplitSettings({ seed: 7 }); // { seed: 7, train: 0.6, validation: 0.2, holdout: 0.2 }
 */
export function resolveSplitSettings(settings: Partial<SplitSettings> = {}): SplitSettings {
  const resolved: SplitSettings = {
    seed: settings.seed ?? DEFAULT_SPLITS.seed,
    train: settings.train ?? DEFAULT_SPLITS.train,
    validation: settings.validation ?? DEFAULT_SPLITS.validation,
    holdout: settings.holdout ?? DEFAULT_SPLITS.holdout,
  };
  if (!Number.isSafeInteger(resolved.seed)) {
    throw new KaizenError('invalid_input', `split seed must be an integer, got ${resolved.seed}`);
  }
  for (const split of DATASET_SPLITS) {
    const fraction = resolved[split];
    if (typeof fraction !== 'number' || !(fraction >= 0 && fraction <= 1)) {
      throw new KaizenError('invalid_input', `split fraction "${split}" must be in [0, 1], got ${fraction}`);
    }
  }
  const sum = resolved.train + resolved.validation + resolved.holdout;
  if (Math.abs(sum - 1) > TOLERANCE) {
    throw new KaizenError('invalid_input', `split fractions must sum to 1, got ${Number(sum.toFixed(6))}`);
  }
  return resolved;
}

/** A uniform number in [0, 1) from the item id and the seed (52 bits of sha256). */
export function splitPoint(itemId: string, seed: number): number {
  const digest = createHash('sha256').update(`${seed}\u0000${itemId}`).digest();
  return (digest.readUIntBE(0, 6) * 16 + ((digest[6] ?? 0) >> 4)) / 2 ** 52;
}

/**
 * @example
 * assignSplit('item-1', DEFAULT_SPLITS); // 'train', 'validation' or 'holdout' — always the same for this id and seed
 */
export function assignSplit(itemId: string, settings: SplitSettings): DatasetSplit {
  const point = splitPoint(itemId, settings.seed);
  if (point < settings.train) return 'train';
  if (point < settings.train + settings.validation) return 'validation';
  // Only reached past the last fraction when the fractions sum to a hair under 1: the last non-empty split takes it.
  if (settings.holdout > 0) return 'holdout';
  return settings.validation > 0 ? 'validation' : 'train';
}
