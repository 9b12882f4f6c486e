import { describe, expect, it } from 'vitest';
import { parseJsonOutput } from './parse-json-output.js';

describe('parseJsonOutput strict', () => {
  it('parses the whole output, surrounding whitespace allowed', () => {
    expect(parseJsonOutput(' {"a":1}\n', 'strict')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonOutput('42', 'strict')).toEqual({ ok: true, value: 42 });
  });

  it('fails on truncated JSON, prose around JSON and fences', () => {
    for (const output of ['{"a":1', '{"a":', 'Here: {"a":1}', '```json\n{"a":1}\n```', '', "{'a':1}"]) {
      const parsed = parseJsonOutput(output, 'strict');
      expect(parsed.ok, output).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(/^output is not valid JSON/);
    }
  });
});

describe('parseJsonOutput extract', () => {
  it('finds the first JSON object or array in prose or a fence', () => {
    expect(parseJsonOutput('Sure! Here it is: {"a":{"b":[1,2]}} Hope it helps {"c":2}', 'extract')).toEqual({
      ok: true,
      value: { a: { b: [1, 2] } },
    });
    expect(parseJsonOutput('```json\n[1, 2]\n```', 'extract')).toEqual({ ok: true, value: [1, 2] });
  });

  it('ignores brackets inside strings and skips bracketed prose', () => {
    expect(parseJsonOutput('[see note] {"text":"a } and ] inside"}', 'extract')).toEqual({
      ok: true,
      value: { text: 'a } and ] inside' },
    });
    expect(parseJsonOutput('{"quote":"say \\"}\\""}', 'extract')).toEqual({ ok: true, value: { quote: 'say "}"' } });
  });

  it('fails when the only JSON is truncated or absent', () => {
    expect(parseJsonOutput('Here: {"a": [1, 2', 'extract').ok).toBe(false);
    expect(parseJsonOutput('no json here', 'extract')).toEqual({
      ok: false,
      error: 'no complete JSON object or array found in the output',
    });
    expect(parseJsonOutput('{"a": [1, 2}', 'extract').ok).toBe(false);
  });
});
