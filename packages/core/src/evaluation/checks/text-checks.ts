// Checks on the output text: regex, contains / not_contains, equals.
import type { ContainsCheck } from '../check-spec.js';
import type { CheckFactory, SpecFactory } from './check-factory.js';
import { direct } from './check-factory.js';
import { describeValue, errored, failed, PASSED } from './check-outcome.js';
import { booleanOf, expectedOf, regexOf } from './read-spec.js';

/**
 * @example
 * { kind: 'regex', pattern: '^Answer: (yes|no)$', flags: 'm' }
 */
export const regex: CheckFactory<'regex'> = (spec, context) => {
  const compiled = regexOf(context, spec.pattern, spec.flags);
  return direct((item) =>
    compiled.test(item.subject.output) ? PASSED : failed(`output does not match /${compiled.source}/`),
  );
};

/**
 * @example
 * { kind: 'contains', values: ['Paris'], caseSensitive: false }
 * { kind: 'not_contains', values: ['As an AI', 'I cannot'] }
 */
export const contains: SpecFactory<ContainsCheck> = (spec, context) => {
  const values = spec.values;
  if (!Array.isArray(values) || values.length === 0 || !values.every((value) => typeof value === 'string' && value)) {
    context.invalid('values must be a non-empty list of non-empty strings');
  }
  if (spec.match !== undefined && spec.match !== 'all' && spec.match !== 'any')
    context.invalid('match must be "all" or "any"');
  const caseSensitive = booleanOf(context, spec.caseSensitive, 'caseSensitive', true);
  const needles = caseSensitive ? values : values.map((value) => value.toLowerCase());
  const negated = spec.kind === 'not_contains';
  const any = spec.match === 'any';
  return direct((item) => {
    const text = caseSensitive ? item.subject.output : item.subject.output.toLowerCase();
    // Counted first, lists built only for a rationale: the passing path allocates nothing.
    let foundCount = 0;
    for (const needle of needles) if (text.includes(needle)) foundCount += 1;
    const found = () => needles.filter((needle) => text.includes(needle));
    if (negated) return foundCount === 0 ? PASSED : failed(`output contains ${describeValue(found())}`);
    if (any ? foundCount > 0 : foundCount === needles.length) return PASSED;
    const missing = needles.filter((needle) => !text.includes(needle));
    return failed(`output does not contain ${describeValue(any ? needles : missing)}`);
  });
};

/**
 * The expected value must be a string.
 * @example
 * { kind: 'equals', expected: { expectedPath: '$' } } // the item's expected output as a whole
 * { kind: 'equals', expected: { value: 'yes' }, caseSensitive: false }
 */
export const equals: CheckFactory<'equals'> = (spec, context) => {
  const readExpected = expectedOf(context, spec.expected);
  if ('value' in spec.expected && typeof spec.expected.value !== 'string')
    context.invalid('expected.value must be a string');
  const trim = booleanOf(context, spec.trim, 'trim', true);
  const caseSensitive = booleanOf(context, spec.caseSensitive, 'caseSensitive', true);
  const normalize = (text: string): string => {
    const trimmed = trim ? text.trim() : text;
    return caseSensitive ? trimmed : trimmed.toLowerCase();
  };
  return direct((item) => {
    const expected = readExpected(item.subject.expected);
    if ('outcome' in expected) return expected.outcome;
    if (typeof expected.value !== 'string') {
      return errored(`expected value ${describeValue(expected.value)} is not a string`);
    }
    return normalize(item.subject.output) === normalize(expected.value)
      ? PASSED
      : failed(`output ${describeValue(item.subject.output)} is not ${describeValue(expected.value)}`);
  });
};
