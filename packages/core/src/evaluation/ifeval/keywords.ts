// keywords:* checks: keyword presence, keyword frequency, forbidden words, letter frequency.
import { KaizenError } from '../../errors/kaizen-error.js';
import type { IfevalCheckFactory } from './check-types.js';
import { compare, readInteger, readRelation, readString, readStringList } from './kwargs.js';
import { countMatches, escapeRegExp, PY_BOUNDARY, pyStrip } from './python-text.js';

// The reference passes keywords to `re` unescaped; the benchmark's keywords are plain words, so escaping them keeps
// the same matches while a keyword like "c++" cannot turn into a broken pattern.

/** `keywords:existence`: every keyword occurs, case-insensitively, anywhere (also inside longer words). */
export const keywordExistence: IfevalCheckFactory = (context) => {
  const patterns = readStringList(context, 'keywords').map((keyword) => new RegExp(escapeRegExp(keyword), 'iu'));
  return (response) => patterns.every((pattern) => pattern.test(response));
};

/** `keywords:frequency`: case-insensitive, non-overlapping occurrences of the keyword compared to `frequency`. */
export const keywordFrequency: IfevalCheckFactory = (context) => {
  const pattern = new RegExp(escapeRegExp(pyStrip(readString(context, 'keyword'))), 'giu');
  const frequency = readInteger(context, 'frequency');
  const relation = readRelation(context, 'relation');
  return (response) => compare(countMatches(pattern, response), relation, frequency);
};

/** `keywords:forbidden_words`: no forbidden word occurs as a whole word (`\bword\b`), case-insensitively. */
export const forbiddenWords: IfevalCheckFactory = (context) => {
  const patterns = readStringList(context, 'forbidden_words').map(
    (word) => new RegExp(`${PY_BOUNDARY}${escapeRegExp(word)}${PY_BOUNDARY}`, 'iu'),
  );
  return (response) => !patterns.some((pattern) => pattern.test(response));
};

/**
 * `keywords:letter_frequency`: occurrences of one character in the lowercased response compared to `let_frequency`.
 * The reference only accepts an ASCII letter and silently draws a random one otherwise (the benchmark asks for `#` and
 * `!` once each, so its labels there are chance); we count the character the instruction names instead.
 */
export const letterFrequency: IfevalCheckFactory = (context) => {
  const letter = readString(context, 'letter').toLowerCase();
  if ([...letter].length !== 1) {
    throw new KaizenError(
      'invalid_input',
      `IFEval kwarg "letter" must be one character, got ${JSON.stringify(letter)}`,
    );
  }
  const frequency = readInteger(context, 'let_frequency');
  const relation = readRelation(context, 'let_relation');
  return (response) => {
    let count = 0;
    for (const character of response.toLowerCase()) if (character === letter) count += 1;
    return compare(count, relation, frequency);
  };
};
