// field_equals and field_matches: a value at a JSON path of the output equals the expected one, or matches a regex.
import { jsonEqual } from '../deep-equal.js';
import { MISSING, readJsonPath } from '../json-path.js';
import type { CheckFactory } from './check-factory.js';
import { direct } from './check-factory.js';
import { describeValue, failed, PASSED } from './check-outcome.js';
import { booleanOf, expectedOf, jsonModeOf, pathOf, regexOf } from './read-spec.js';

function foldCase(value: unknown): unknown {
  if (typeof value === 'string') return value.toLowerCase();
  if (Array.isArray(value)) return value.map(foldCase);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, foldCase(inner)]));
  }
  return value;
}

/**
 * Structural equality (key order ignored); `1` and `"1"` differ.
 * @example
 * { kind: 'field_equals', path: '$.answer', expected: { expectedPath: '$.answer' } }
 * { kind: 'field_equals', path: "$['@type']", expected: { value: 'Recipe' } }
 */
export const fieldEquals: CheckFactory<'field_equals'> = (spec, context) => {
  const mode = jsonModeOf(context, spec.mode);
  const path = pathOf(context, spec.path);
  const readExpected = expectedOf(context, spec.expected);
  const caseSensitive = booleanOf(context, spec.caseSensitive, 'caseSensitive', true);
  return direct((item) => {
    const expected = readExpected(item.subject.expected);
    if ('outcome' in expected) return expected.outcome;
    const parsed = item.json(mode);
    if (!parsed.ok) return failed(parsed.error);
    const actual = readJsonPath(parsed.value, path);
    if (actual === MISSING) return failed(`${path.source} is missing`);
    const equal = caseSensitive
      ? jsonEqual(actual, expected.value)
      : jsonEqual(foldCase(actual), foldCase(expected.value));
    return equal
      ? PASSED
      : failed(`${path.source} is ${describeValue(actual)}, expected ${describeValue(expected.value)}`);
  });
};

/**
 * The field must be a string (numbers and booleans are not coerced) matching the pattern.
 * @example
 * { kind: 'field_matches', path: '$.telephone', pattern: '^\\+?[0-9 ()-]{7,}$' }
 */
export const fieldMatches: CheckFactory<'field_matches'> = (spec, context) => {
  const mode = jsonModeOf(context, spec.mode);
  const path = pathOf(context, spec.path);
  const regex = regexOf(context, spec.pattern, spec.flags);
  return direct((item) => {
    const parsed = item.json(mode);
    if (!parsed.ok) return failed(parsed.error);
    const actual = readJsonPath(parsed.value, path);
    if (actual === MISSING) return failed(`${path.source} is missing`);
    if (typeof actual !== 'string') return failed(`${path.source} is ${describeValue(actual)}, not a string`);
    return regex.test(actual)
      ? PASSED
      : failed(`${path.source} ${describeValue(actual)} does not match /${regex.source}/`);
  });
};
