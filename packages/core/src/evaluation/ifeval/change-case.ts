// change_case:* checks: counts of ALL-CAPS words, and English in all capitals or all lowercase.
import type { IfevalCheckFactory } from './check-types.js';
import { detectLanguage } from './detect-language.js';
import { compare, readInteger, readRelation } from './kwargs.js';
import { pyIsLower, pyIsUpper } from './python-text.js';
import { wordTokenize } from './word-tokenize.js';

/** `change_case:capital_word_frequency`: NLTK word tokens that are all capitals, compared to `capital_frequency`. */
export const capitalWordFrequency: IfevalCheckFactory = (context) => {
  const frequency = readInteger(context, 'capital_frequency');
  const relation = readRelation(context, 'capital_relation');
  return (response) => compare(wordTokenize(response).filter(pyIsUpper).length, relation, frequency);
};

function isEnglish(response: string): boolean {
  const language = detectLanguage(response);
  return language === null || language === 'en';
}

/** `change_case:english_capital`: no lowercase letter, at least one capital, and the text reads as English. */
export const englishCapital: IfevalCheckFactory = () => (response) => pyIsUpper(response) && isEnglish(response);

/** `change_case:english_lowercase`: no capital letter, at least one lowercase one, and the text reads as English. */
export const englishLowercase: IfevalCheckFactory = () => (response) => pyIsLower(response) && isEnglish(response);
