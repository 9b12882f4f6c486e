// set_overlap: precision, recall and F1 of the values at a path of the output against the expected values.
import { MISSING, readJsonPath } from '../json-path.js';
import type { CheckFactory } from './check-factory.js';
import { direct } from './check-factory.js';
import { errored, failed, passed } from './check-outcome.js';
import { booleanOf, expectedOf, jsonModeOf, pathOf } from './read-spec.js';

export interface SetOverlap {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/**
 * Over distinct values (strings by text, others by their JSON). Both empty: 1, 1, 1. One side empty: 0, 0, 0
 * (nothing right to credit; the zero-division convention of scikit-learn).
 * @example
 * setOverlap(['a', 'b', 'c'], ['a', 'b', 'd', 'e']); // { precision: 2/3, recall: 0.5, f1: 4/7 }
 */
export function setOverlap(actual: readonly unknown[], expected: readonly unknown[], caseSensitive = true): SetOverlap {
  const key = (value: unknown): string => {
    const text = typeof value === 'string' ? `s:${value}` : `j:${JSON.stringify(value)}`;
    return caseSensitive ? text : text.toLowerCase();
  };
  const actualKeys = new Set(actual.map(key));
  const expectedKeys = new Set(expected.map(key));
  if (actualKeys.size === 0 && expectedKeys.size === 0) return { precision: 1, recall: 1, f1: 1 };
  let common = 0;
  for (const value of actualKeys) if (expectedKeys.has(value)) common += 1;
  const precision = actualKeys.size === 0 ? 0 : common / actualKeys.size;
  const recall = expectedKeys.size === 0 ? 0 : common / expectedKeys.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

const asList = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : [value]);
const format = (value: number): string => value.toFixed(3);

/**
 * At least one threshold is required.
 * @example
 * { kind: 'set_overlap', path: '$.tags', expected: { expectedPath: '$.tags' }, minRecall: 0.8 }
 */
export const setOverlapCheck: CheckFactory<'set_overlap'> = (spec, context) => {
  const mode = jsonModeOf(context, spec.mode);
  const path = pathOf(context, spec.path);
  const readExpected = expectedOf(context, spec.expected);
  const caseSensitive = booleanOf(context, spec.caseSensitive, 'caseSensitive', true);
  const thresholds = (['minPrecision', 'minRecall', 'minF1'] as const).filter((name) => spec[name] !== undefined);
  if (thresholds.length === 0) context.invalid('set a threshold: minPrecision, minRecall or minF1');
  for (const name of thresholds) {
    const value = spec[name];
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) context.invalid(`${name} must be in [0, 1]`);
  }
  return direct((item) => {
    const expected = readExpected(item.subject.expected);
    if ('outcome' in expected) return expected.outcome;
    if (expected.value === null) return errored('expected value is null');
    const parsed = item.json(mode);
    if (!parsed.ok) return failed(parsed.error);
    const actual = readJsonPath(parsed.value, path);
    if (actual === MISSING) return failed(`${path.source} is missing`);
    const overlap = setOverlap(asList(actual), asList(expected.value), caseSensitive);
    const summary = `precision ${format(overlap.precision)}, recall ${format(overlap.recall)}, F1 ${format(overlap.f1)}`;
    const short =
      (spec.minPrecision !== undefined && overlap.precision < spec.minPrecision) ||
      (spec.minRecall !== undefined && overlap.recall < spec.minRecall) ||
      (spec.minF1 !== undefined && overlap.f1 < spec.minF1);
    return short ? failed(summary) : passed(summary);
  });
};
