// Turns items into flat typed arrays — a feature-value id per (item, feature) and a status code per (item, criterion).
import type { RcaCriterion, RcaItem } from './rca-types.js';

export const NOT_EVALUATED = -1;
export const PASSED = 0;
export const FAILED = 1;

export interface EncodedItems {
  readonly itemCount: number;
  readonly featureNames: readonly string[];
  /** values[id] is the (feature index, value) of feature-value id `id`. */
  readonly values: readonly { readonly feature: number; readonly value: string }[];
  /** codes[item · featureCount + feature]: the feature-value id, or -1 when the item lacks the feature. */
  readonly codes: Int32Array;
  /** statuses[criterion · itemCount + item]: FAILED, PASSED or NOT_EVALUATED (errored, skipped, missing). */
  readonly statuses: Int8Array;
}

/**
 * Encodes once so every later count is a pass over typed arrays.
 * @example
 * const encoded = encodeItems(items, criteria);
 */
export function encodeItems(items: readonly RcaItem[], criteria: readonly RcaCriterion[]): EncodedItems {
  const featureIndex = new Map<string, number>();
  const featureNames: string[] = [];
  for (const item of items) {
    for (const name of Object.keys(item.features)) {
      if (!featureIndex.has(name)) {
        featureIndex.set(name, featureNames.length);
        featureNames.push(name);
      }
    }
  }
  const featureCount = featureNames.length;
  const valueIds = featureNames.map(() => new Map<string, number>());
  const values: { feature: number; value: string }[] = [];
  const codes = new Int32Array(items.length * featureCount).fill(-1);
  const statuses = new Int8Array(criteria.length * items.length).fill(NOT_EVALUATED);
  items.forEach((item, itemIndex) => {
    for (const name in item.features) {
      const value = item.features[name];
      const feature = featureIndex.get(name);
      if (value === undefined || feature === undefined) continue;
      const ids = valueIds[feature] as Map<string, number>;
      let id = ids.get(value);
      if (id === undefined) {
        id = values.length;
        ids.set(value, id);
        values.push({ feature, value });
      }
      codes[itemIndex * featureCount + feature] = id;
    }
    criteria.forEach((criterion, criterionIndex) => {
      const status = item.results[criterion.id];
      if (status === 'failed') statuses[criterionIndex * items.length + itemIndex] = FAILED;
      else if (status === 'passed') statuses[criterionIndex * items.length + itemIndex] = PASSED;
    });
  });
  return { itemCount: items.length, featureNames, values, codes, statuses };
}
