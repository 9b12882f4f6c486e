import { describe, expect, it } from 'vitest';
import { compileChecklist } from '../compile-checklist.js';
import { evaluateCheck, statusOf } from '../testing/evaluate-check.js';

describe('field_equals', () => {
  const fromExpected = { kind: 'field_equals', path: '$.answer', expected: { expectedPath: '$.answer' } } as const;

  it('compares with a path into expected', async () => {
    expect(await statusOf(fromExpected, { output: '{"answer":42}', expected: { answer: 42 } })).toBe('passed');
    const wrong = await evaluateCheck(fromExpected, { output: '{"answer":"42"}', expected: { answer: 42 } });
    expect(wrong).toMatchObject({ status: 'failed', rationale: '$.answer is "42", expected 42' });
  });

  it('compares objects structurally and with a literal', async () => {
    const check = {
      kind: 'field_equals',
      path: '$.offers[0]',
      expected: { value: { price: 5, currency: 'EUR' } },
    } as const;
    expect(await statusOf(check, '{"offers":[{"currency":"EUR","price":5}]}')).toBe('passed');
    expect(await statusOf(check, '{"offers":[{"currency":"EUR","price":6}]}')).toBe('failed');
    const typed = { kind: 'field_equals', path: "$['@type']", expected: { value: 'Recipe' } } as const;
    expect(await statusOf(typed, '{"@type":"Recipe"}')).toBe('passed');
  });

  it('fails on a missing path and on malformed output', async () => {
    const missing = await evaluateCheck(fromExpected, { output: '{"other":1}', expected: { answer: 1 } });
    expect(missing).toMatchObject({ status: 'failed', rationale: '$.answer is missing' });
    const truncated = await evaluateCheck(fromExpected, { output: '{"answer":', expected: { answer: 1 } });
    expect(truncated.status).toBe('failed');
    expect(truncated.rationale).toMatch(/not valid JSON/);
  });

  it('skips without expected and errors when the expected value lacks the path', async () => {
    const none = await evaluateCheck(fromExpected, { output: '{"answer":1}' });
    expect(none).toMatchObject({ status: 'skipped', reason: 'the item has no expected value' });
    const broken = await evaluateCheck(fromExpected, { output: '{"answer":1}', expected: { other: 1 } });
    expect(broken).toMatchObject({ status: 'errored', reason: 'expected value has nothing at $.answer' });
  });

  it('can ignore case', async () => {
    const check = { kind: 'field_equals', path: '$.city', expected: { value: 'Paris' }, caseSensitive: false } as const;
    expect(await statusOf(check, '{"city":"PARIS"}')).toBe('passed');
    expect(await statusOf({ ...check, caseSensitive: true }, '{"city":"PARIS"}')).toBe('failed');
  });

  it('refuses both or neither of value and expectedPath, and bad paths', () => {
    const compile = (check: unknown) => () =>
      compileChecklist({
        name: 'x',
        passThreshold: 1,
        criteria: [{ id: 'eq', description: '', weight: 1, check: check as never }],
      });
    expect(compile({ kind: 'field_equals', path: '$.a', expected: {} })).toThrow(/criterion "eq": expected must have/);
    expect(compile({ kind: 'field_equals', path: '$.a', expected: { value: 1, expectedPath: '$.a' } })).toThrow(
      /exactly one/,
    );
    expect(compile({ kind: 'field_equals', path: 'a.b', expected: { value: 1 } })).toThrow(
      /criterion "eq": path: JSON path/,
    );
    expect(compile({ kind: 'field_equals', path: '$.a', expected: { expectedPath: '$[*]' } })).toThrow(/expectedPath/);
  });
});

describe('field_matches', () => {
  const check = { kind: 'field_matches', path: '$.telephone', pattern: '^\\+?[0-9 ()-]{7,}$' } as const;

  it('matches strings only', async () => {
    expect(await statusOf(check, '{"telephone":"+33 1 23 45 67 89"}')).toBe('passed');
    expect(await statusOf(check, '{"telephone":"call us"}')).toBe('failed');
    const number = await evaluateCheck(check, { output: '{"telephone":3312345678}' });
    expect(number).toMatchObject({ status: 'failed', rationale: '$.telephone is 3312345678, not a string' });
    expect(await statusOf(check, '{}')).toBe('failed');
    expect(await statusOf(check, 'telephone: +33 1 23 45 67 89')).toBe('failed');
  });

  it('refuses stateful flags and bad patterns at compile time', () => {
    const compile = (pattern: string, flags?: string) => () =>
      compileChecklist({
        name: 'x',
        passThreshold: 1,
        criteria: [
          {
            id: 'm',
            description: '',
            weight: 1,
            check: { kind: 'field_matches', path: '$.a', pattern, ...(flags ? { flags } : {}) },
          },
        ],
      });
    expect(compile('a', 'g')).toThrow(/criterion "m": flags "g" and "y"/);
    expect(compile('(unclosed')).toThrow(/criterion "m": invalid regular expression/);
    expect(compile('a', 'i')).not.toThrow();
  });
});
