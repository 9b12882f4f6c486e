import { describe, expect, it } from 'vitest';
import { checkIfevalInstruction } from './check-instruction.js';

const strict = (id: string, kwargs: Record<string, unknown>, response: string): boolean =>
  checkIfevalInstruction(id, kwargs, response, 'strict');

describe('length_constraints:number_sentences', () => {
  const id = 'length_constraints:number_sentences';
  it('counts Punkt sentences against the relation', () => {
    const text = 'Dr. Smith arrived. He sat down. Then he left!';
    expect(strict(id, { num_sentences: 3, relation: 'at least' }, text)).toBe(true);
    expect(strict(id, { num_sentences: 3, relation: 'less than' }, text)).toBe(false);
    expect(strict(id, { num_sentences: 4, relation: 'less than' }, text)).toBe(true);
  });
  it('counts a numbered list item marker as its own sentence', () => {
    expect(strict(id, { num_sentences: 4, relation: 'at least' }, '1. Eat well.\n2. Sleep.')).toBe(true);
  });
});

describe('length_constraints:number_paragraphs', () => {
  const id = 'length_constraints:number_paragraphs';
  it('counts parts between *** dividers', () => {
    expect(strict(id, { num_paragraphs: 3 }, 'One\n***\nTwo\n***\nThree')).toBe(true);
    expect(strict(id, { num_paragraphs: 2 }, 'One\n***\nTwo\n***\nThree')).toBe(false);
  });
  it('ignores a blank part at either end but fails on one in the middle', () => {
    expect(strict(id, { num_paragraphs: 2 }, '***\nOne\n***\nTwo\n***')).toBe(true);
    expect(strict(id, { num_paragraphs: 2 }, 'One\n***\n***\nTwo')).toBe(false);
  });
});

describe('length_constraints:number_words', () => {
  const id = 'length_constraints:number_words';
  it('counts \\w+ runs, so contractions and hyphenated words count twice', () => {
    expect(strict(id, { num_words: 4, relation: 'at least' }, "don't well-known")).toBe(true);
    expect(strict(id, { num_words: 5, relation: 'at least' }, "don't well-known")).toBe(false);
  });
  it('"less than" excludes the threshold', () => {
    expect(strict(id, { num_words: 3, relation: 'less than' }, 'one two three')).toBe(false);
    expect(strict(id, { num_words: 3, relation: 'less than' }, 'one two')).toBe(true);
  });
  it('counts words of any script', () => {
    expect(strict(id, { num_words: 3, relation: 'at least' }, 'Привет мир 你好')).toBe(true);
  });
});

describe('length_constraints:nth_paragraph_first_word', () => {
  const id = 'length_constraints:nth_paragraph_first_word';
  const kwargs = { num_paragraphs: 3, nth_paragraph: 2, first_word: 'Summary' };
  it('checks the paragraph count and the nth paragraph first word up to punctuation', () => {
    expect(strict(id, kwargs, 'Intro.\n\n"Summary, in short.\n\nEnd.')).toBe(true);
    expect(strict(id, kwargs, 'Intro.\n\nIn summary.\n\nEnd.')).toBe(false);
    expect(strict(id, kwargs, 'Intro.\n\nSummary.')).toBe(false);
  });
  it('splits on exactly two newlines and skips blank parts when counting', () => {
    expect(strict(id, kwargs, 'Intro.\n\nSummary here.\n\n\n\nEnd.')).toBe(true);
    expect(strict(id, kwargs, 'Intro.\nSummary here.\n\nEnd.\n\nMore.')).toBe(false);
  });
  it('rejects nth_paragraph outside 1..num_paragraphs', () => {
    expect(() => strict(id, { num_paragraphs: 2, nth_paragraph: 3, first_word: 'a' }, 'a')).toThrow(/nth_paragraph/);
  });
});
