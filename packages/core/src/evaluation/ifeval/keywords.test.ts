import { describe, expect, it } from 'vitest';
import { KaizenError } from '../../errors/kaizen-error.js';
import { checkIfevalInstruction } from './check-instruction.js';

const strict = (id: string, kwargs: Record<string, unknown>, response: string): boolean =>
  checkIfevalInstruction(id, kwargs, response, 'strict');

describe('keywords:existence', () => {
  const id = 'keywords:existence';
  it('needs every keyword, case-insensitively, even inside longer words', () => {
    expect(strict(id, { keywords: ['river', 'Python'] }, 'The PYTHON swam in the riverbank.')).toBe(true);
    expect(strict(id, { keywords: ['river', 'python'] }, 'The python swam.')).toBe(false);
  });
  it('treats keywords as literals, not patterns', () => {
    expect(strict(id, { keywords: ['c++'] }, 'I write C++ daily')).toBe(true);
    expect(strict(id, { keywords: ['a.c'] }, 'abc')).toBe(false);
  });
  it('rejects missing keywords as invalid input', () => {
    expect(() => strict(id, {}, 'text')).toThrow(KaizenError);
  });
});

describe('keywords:frequency', () => {
  const id = 'keywords:frequency';
  it('counts case-insensitive occurrences, substrings included', () => {
    const kwargs = { keyword: 'war', frequency: 3, relation: 'at least' };
    expect(strict(id, kwargs, 'War. Warning. war.')).toBe(true);
    expect(strict(id, kwargs, 'War and peace, war.')).toBe(false);
  });
  it('"less than" is strict and "at least" inclusive at the threshold', () => {
    expect(strict(id, { keyword: 'fake', frequency: 2, relation: 'less than' }, 'fake fake')).toBe(false);
    expect(strict(id, { keyword: 'fake', frequency: 2, relation: 'less than' }, 'fake')).toBe(true);
    expect(strict(id, { keyword: 'fake', frequency: 2, relation: 'at least' }, 'fake fake')).toBe(true);
    expect(strict(id, { keyword: 'fake', frequency: 0, relation: 'less than' }, 'nothing')).toBe(false);
  });
  it('strips the keyword', () => {
    expect(strict(id, { keyword: ' dose ', frequency: 1, relation: 'at least' }, 'one dose')).toBe(true);
  });
  it('rejects an unknown relation', () => {
    expect(() => strict(id, { keyword: 'a', frequency: 1, relation: 'at most' }, 'a')).toThrow(/relation/);
  });
});

describe('keywords:forbidden_words', () => {
  const id = 'keywords:forbidden_words';
  it('forbids whole words only, case-insensitively', () => {
    expect(strict(id, { forbidden_words: ['can', 'bad'] }, 'I cannot say; badly done.')).toBe(true);
    expect(strict(id, { forbidden_words: ['can', 'bad'] }, 'Yes we CAN.')).toBe(false);
  });
  it('uses Unicode word boundaries', () => {
    expect(strict(id, { forbidden_words: ['heute'] }, 'heuteé')).toBe(true);
    expect(strict(id, { forbidden_words: ['heute'] }, 'nicht heute!')).toBe(false);
  });
});

describe('keywords:letter_frequency', () => {
  const id = 'keywords:letter_frequency';
  it('counts a letter in either case', () => {
    const kwargs = { letter: 'q', let_frequency: 2, let_relation: 'at least' };
    expect(strict(id, kwargs, 'Quick quiz')).toBe(true);
    expect(strict(id, kwargs, 'Quick')).toBe(false);
    expect(strict(id, { letter: 'q', let_frequency: 2, let_relation: 'less than' }, 'Quick')).toBe(true);
  });
  it('counts the named character when it is not a letter', () => {
    expect(strict(id, { letter: '#', let_frequency: 2, let_relation: 'at least' }, '#a #b')).toBe(true);
  });
  it('rejects more than one character', () => {
    expect(() => strict(id, { letter: 'ab', let_frequency: 1, let_relation: 'at least' }, 'ab')).toThrow(KaizenError);
  });
});

describe('kwargs validation', () => {
  it('rejects negative or fractional counts', () => {
    const id = 'keywords:frequency';
    expect(() => strict(id, { keyword: 'a', frequency: -1, relation: 'at least' }, 'a')).toThrow(/non-negative/);
    expect(() => strict(id, { keyword: 'a', frequency: 1.5, relation: 'at least' }, 'a')).toThrow(/non-negative/);
  });
});
