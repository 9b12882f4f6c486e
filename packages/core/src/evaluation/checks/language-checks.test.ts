import { describe, expect, it } from 'vitest';
import { compileChecklist } from '../compile-checklist.js';
import { evaluateCheck, statusOf } from '../testing/evaluate-check.js';

describe('output_language', () => {
  it('passes the requested language and names the detected one otherwise', async () => {
    expect(await statusOf({ kind: 'output_language', language: 'fr' }, 'Le chat est sur la table et il dort.')).toBe(
      'passed',
    );
    const english = await evaluateCheck(
      { kind: 'output_language', language: 'fr' },
      { output: 'The cat is on the table and it is sleeping.' },
    );
    expect(english).toMatchObject({ status: 'failed', rationale: 'output is in "en", not "fr"' });
  });

  it('fails text without letters or evidence', async () => {
    expect(await statusOf({ kind: 'output_language', language: 'en' }, '12:30')).toBe('failed');
    expect(await statusOf({ kind: 'output_language', language: 'en' }, '')).toBe('failed');
  });
});

describe('ifeval', () => {
  it('runs an IFEval instruction, strict by default', async () => {
    const noComma = { kind: 'ifeval', instruction: 'punctuation:no_comma' } as const;
    expect(await statusOf(noComma, 'No commas here.')).toBe('passed');
    const result = await evaluateCheck(noComma, { output: 'One, two' });
    expect(result).toMatchObject({ status: 'failed', rationale: 'does not follow punctuation:no_comma (strict)' });
  });

  it('loose mode tries the relaxed variants', async () => {
    const quoted = { kind: 'ifeval', instruction: 'startend:quotation' } as const;
    const output = '"Quoted"\nP.S. bye';
    expect(await statusOf(quoted, output)).toBe('failed');
    expect(await statusOf({ ...quoted, mode: 'loose' }, output)).toBe('passed');
  });

  it('passes kwargs and validates them at compile time', async () => {
    const words = {
      kind: 'ifeval',
      instruction: 'length_constraints:number_words',
      kwargs: { relation: 'less than', num_words: 3 },
    } as const;
    expect(await statusOf(words, 'Two words')).toBe('passed');
    expect(await statusOf(words, 'Three words here')).toBe('failed');
    const compile = (check: object) => () =>
      compileChecklist({
        name: 'x',
        passThreshold: 1,
        criteria: [{ id: 'i', description: '', weight: 1, check: check as never }],
      });
    expect(compile({ ...words, kwargs: {} })).toThrow(/criterion "i": IFEval kwarg "num_words"/);
    expect(compile({ kind: 'ifeval', instruction: 'nope:none' })).toThrow(/unknown IFEval instruction id/);
  });
});
