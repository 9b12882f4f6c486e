import { describe, expect, it } from 'vitest';
import { compileChecklist } from '../compile-checklist.js';
import { evaluateCheck, statusOf } from '../testing/evaluate-check.js';

describe('regex', () => {
  it('tests the output, the same on every item (no lastIndex state)', async () => {
    const check = { kind: 'regex', pattern: '^Answer: (yes|no)$', flags: 'm' } as const;
    const compiled = compileChecklist({
      name: 'x',
      passThreshold: 1,
      criteria: [{ id: 'r', description: '', weight: 1, check }],
    });
    for (let index = 0; index < 3; index += 1) {
      expect(compiled.evaluateSync?.({ output: 'Thinking...\nAnswer: yes' }).passed).toBe(true);
    }
    expect(await statusOf(check, 'Answer: maybe')).toBe('failed');
  });
});

describe('contains / not_contains', () => {
  it('contains all values by default, any with match: any', async () => {
    expect(await statusOf({ kind: 'contains', values: ['Paris', 'France'] }, 'Paris is in France')).toBe('passed');
    const partial = await evaluateCheck({ kind: 'contains', values: ['Paris', 'Spain'] }, { output: 'Paris, France' });
    expect(partial).toMatchObject({ status: 'failed', rationale: 'output does not contain ["Spain"]' });
    expect(await statusOf({ kind: 'contains', values: ['Paris', 'Spain'], match: 'any' }, 'Paris')).toBe('passed');
  });

  it('is case-sensitive unless told otherwise', async () => {
    expect(await statusOf({ kind: 'contains', values: ['paris'] }, 'Paris')).toBe('failed');
    expect(await statusOf({ kind: 'contains', values: ['paris'], caseSensitive: false }, 'PARIS')).toBe('passed');
  });

  it('not_contains fails on any occurrence', async () => {
    const check = { kind: 'not_contains', values: ['As an AI', 'I cannot'] } as const;
    expect(await statusOf(check, 'Here is your answer.')).toBe('passed');
    const result = await evaluateCheck(check, { output: 'As an AI, I cannot.' });
    expect(result).toMatchObject({ status: 'failed', rationale: 'output contains ["As an AI","I cannot"]' });
    expect(await statusOf({ ...check, caseSensitive: false }, 'as an ai')).toBe('failed');
  });

  it('refuses an empty value list (a check that always passes)', () => {
    expect(() =>
      compileChecklist({
        name: 'x',
        passThreshold: 1,
        criteria: [{ id: 'nc', description: '', weight: 1, check: { kind: 'not_contains', values: [] } }],
      }),
    ).toThrow(/criterion "nc": values must be a non-empty list/);
  });
});

describe('equals', () => {
  it('compares trimmed text with a literal or the expected output', async () => {
    expect(await statusOf({ kind: 'equals', expected: { value: 'yes' } }, '  yes\n')).toBe('passed');
    expect(await statusOf({ kind: 'equals', expected: { value: 'yes' }, trim: false }, 'yes\n')).toBe('failed');
    expect(await statusOf({ kind: 'equals', expected: { value: 'yes' } }, 'Yes')).toBe('failed');
    expect(await statusOf({ kind: 'equals', expected: { value: 'yes' }, caseSensitive: false }, 'Yes')).toBe('passed');
    const whole = { kind: 'equals', expected: { expectedPath: '$' } } as const;
    expect(await statusOf(whole, { output: 'Paris', expected: 'Paris' })).toBe('passed');
  });

  it('errors when the expected value is not a string, skips without one', async () => {
    const whole = { kind: 'equals', expected: { expectedPath: '$' } } as const;
    expect(await statusOf(whole, { output: '42', expected: 42 })).toBe('errored');
    expect(await statusOf(whole, { output: '42' })).toBe('skipped');
  });
});
