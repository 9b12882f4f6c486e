// length_constraints:* checks: sentences, *** paragraphs, words, and the first word of the nth paragraph.
import { KaizenError } from '../../errors/kaizen-error.js';
import type { IfevalCheckFactory } from './check-types.js';
import { compare, readInteger, readRelation, readString } from './kwargs.js';
import { punktSentenceSpans } from './punkt.js';
import { countMatches, PY_SPACE, PY_WORD, pySplitWhitespace, pyStrip } from './python-text.js';

/** `length_constraints:number_sentences`: Punkt (NLTK's English model) sentences compared to `num_sentences`. */
export const numberSentences: IfevalCheckFactory = (context) => {
  const threshold = readInteger(context, 'num_sentences');
  const relation = readRelation(context, 'relation');
  return (response) => compare(punktSentenceSpans(response).length, relation, threshold);
};

const PARAGRAPH_DIVIDER = new RegExp(`${PY_SPACE}?\\*\\*\\*${PY_SPACE}?`, 'u');

/**
 * `length_constraints:number_paragraphs`: exactly `num_paragraphs` parts between `***` dividers. A blank part is
 * allowed only before the first or after the last divider; anywhere else it fails the check.
 */
export const numberParagraphs: IfevalCheckFactory = (context) => {
  const expected = readInteger(context, 'num_paragraphs');
  return (response) => {
    const paragraphs = response.split(PARAGRAPH_DIVIDER);
    let count = paragraphs.length;
    for (const [index, paragraph] of paragraphs.entries()) {
      if (pyStrip(paragraph) !== '') continue;
      if (index !== 0 && index !== paragraphs.length - 1) return false;
      count -= 1;
    }
    return count === expected;
  };
};

const WORD = new RegExp(`${PY_WORD}+`, 'gu');

/** `length_constraints:number_words`: runs of word characters (`\w+`, any script) compared to `num_words`. */
export const numberWords: IfevalCheckFactory = (context) => {
  const threshold = readInteger(context, 'num_words');
  const relation = readRelation(context, 'relation');
  return (response) => compare(countMatches(WORD, response), relation, threshold);
};

const FIRST_WORD_STOP = new Set(['.', ',', '?', '!', "'", '"']);

/**
 * `length_constraints:nth_paragraph_first_word`: exactly `num_paragraphs` non-blank parts between "\n\n", and
 * paragraph `nth_paragraph` (1-based, counting blank parts too) starts with `first_word`, case-insensitively and up
 * to the first punctuation mark.
 */
export const nthParagraphFirstWord: IfevalCheckFactory = (context) => {
  const expected = readInteger(context, 'num_paragraphs');
  const nth = readInteger(context, 'nth_paragraph');
  const firstWord = readString(context, 'first_word').toLowerCase();
  if (nth < 1 || nth > expected) {
    throw new KaizenError('invalid_input', `IFEval kwarg "nth_paragraph" must be in 1..${expected}, got ${nth}`);
  }
  return (response) => {
    const paragraphs = response.split('\n\n');
    const count = paragraphs.filter((paragraph) => pyStrip(paragraph) !== '').length;
    if (nth > count) return false;
    const paragraph = pyStrip(paragraphs[nth - 1] ?? '');
    const [leading] = pySplitWhitespace(paragraph);
    if (leading === undefined) return false;
    let word = '';
    for (const character of pyStrip(leading).replace(/^'+/, '').replace(/^"+/, '')) {
      if (FIRST_WORD_STOP.has(character)) break;
      word += character.toLowerCase();
    }
    return count === expected && word === firstWord;
  };
};
