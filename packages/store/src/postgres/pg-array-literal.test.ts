// Unit tests: array literal encoding against pg's own.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { pgArrayLiteral } from './pg-array-literal.js';

// pg's own encoder, to check that ours means the same thing (pg quotes numbers; we need not).
const require = createRequire(import.meta.url);
const { prepareValue } = require('pg/lib/utils.js') as { prepareValue: (value: unknown) => string };

describe('pgArrayLiteral', () => {
  it('matches pg for strings and nulls, including quotes, backslashes, braces, commas and the word NULL', () => {
    const values = ['plain', 'say "hi"', 'C:\\tmp\\', '{a,b}', 'NULL', '', ' spaced ', '日本語 🚀', null, '\n\t'];
    expect(pgArrayLiteral(values)).toBe(prepareValue(values));
  });

  it('writes numbers bare', () => {
    expect(pgArrayLiteral([1, 2.5, -3, null, 1e21])).toBe('{1,2.5,-3,NULL,1e+21}');
  });

  it('encodes an empty array', () => {
    expect(pgArrayLiteral([])).toBe('{}');
  });
});
