// numeric_range: a number at a JSON path of the output lies within [min, max].
import { MISSING, readJsonPath } from '../json-path.js';
import type { CheckFactory } from './check-factory.js';
import { direct } from './check-factory.js';
import { describeValue, failed, PASSED } from './check-outcome.js';
import { jsonModeOf, pathOf } from './read-spec.js';

function boundOf(value: unknown, field: string, invalid: (message: string) => never): number {
  if (typeof value !== 'number' || Number.isNaN(value)) invalid(`${field} is required and must be a number`);
  return value;
}

/**
 * Both bounds are required and inclusive; a numeric string ("42") is a wrong type and fails.
 * @example
 * { kind: 'numeric_range', path: '$.rating', min: 1, max: 5 }
 */
export const numericRange: CheckFactory<'numeric_range'> = (spec, context) => {
  const mode = jsonModeOf(context, spec.mode);
  const path = pathOf(context, spec.path);
  const min = boundOf(spec.min, 'min', context.invalid);
  const max = boundOf(spec.max, 'max', context.invalid);
  if (min > max) context.invalid(`min (${min}) is greater than max (${max})`);
  return direct((item) => {
    const parsed = item.json(mode);
    if (!parsed.ok) return failed(parsed.error);
    const value = readJsonPath(parsed.value, path);
    if (value === MISSING) return failed(`${path.source} is missing`);
    if (typeof value !== 'number') return failed(`${path.source} is ${describeValue(value)}, not a number`);
    return value >= min && value <= max ? PASSED : failed(`${path.source} is ${value}, outside [${min}, ${max}]`);
  });
};
