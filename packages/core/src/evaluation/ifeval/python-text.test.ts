import { describe, expect, it } from 'vitest';
import { pyIsLower, pyIsUpper, pySplitWhitespace, pyStrip } from './python-text.js';

describe('Python string semantics', () => {
  it('isupper/islower need a cased character and ignore uncased ones', () => {
    expect(pyIsUpper('HELLO, WORLD 42!')).toBe(true);
    expect(pyIsUpper('42!')).toBe(false);
    expect(pyIsUpper('ÉTÉ')).toBe(true);
    expect(pyIsUpper('HELLo')).toBe(false);
    expect(pyIsLower('été 2024')).toBe(true);
    expect(pyIsLower('ǅ')).toBe(false);
    expect(pyIsLower('中文')).toBe(false);
  });

  it('strip uses Python whitespace (not U+FEFF) or the given characters', () => {
    expect(pyStrip('\u0085\u00a0 text \u3000\n')).toBe('text');
    expect(pyStrip('\ufefftext')).toBe('\ufefftext');
    expect(pyStrip('**bold**', '*')).toBe('bold');
  });

  it('split() drops empty pieces', () => {
    expect(pySplitWhitespace('  a \n\t b  ')).toEqual(['a', 'b']);
    expect(pySplitWhitespace('   ')).toEqual([]);
  });
});
