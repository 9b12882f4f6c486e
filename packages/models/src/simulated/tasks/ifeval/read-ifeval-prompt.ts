// Reads every IFEval instruction a prompt states, with its parameters, from the prompt text alone.
import type { IfevalInstruction } from './ifeval-instruction.js';
import { readCaseAndCommas, readLanguage } from './read-case.js';
import {
  readBullets,
  readConstrainedResponse,
  readHighlights,
  readPlaceholders,
  readPostscript,
  readSections,
  readTitle,
} from './read-format.js';
import { readForbiddenWords, readKeywordExistence, readKeywordFrequency } from './read-keywords.js';
import { readSentenceCounts, readWordCounts } from './read-length.js';
import { readCapitalWordFrequency, readLetterFrequency } from './read-letters.js';
import { readDividedParagraphs, readNthParagraph } from './read-paragraphs.js';
import { readEndPhrase, readRepeatPrompt, readTwoResponses, readWrappers } from './read-wrapping.js';

const READERS: readonly ((text: string) => IfevalInstruction[])[] = [
  readKeywordExistence,
  readKeywordFrequency,
  readForbiddenWords,
  readLetterFrequency,
  readLanguage,
  readSentenceCounts,
  readDividedParagraphs,
  readWordCounts,
  readNthParagraph,
  readPlaceholders,
  readPostscript,
  readBullets,
  readConstrainedResponse,
  readHighlights,
  readSections,
  readTitle,
  readTwoResponses,
  readRepeatPrompt,
  readEndPhrase,
  readCapitalWordFrequency,
  readCaseAndCommas,
  readWrappers,
];

/**
 * The instructions of an IFEval-style prompt, in prompt order. Only the text is read: no dataset field is consulted.
 * @example
 * readIfevalPrompt('Write a haiku about Ireland. Do not use any commas.').map((found) => found.id);
 * // ['punctuation:no_comma']
 */
export function readIfevalPrompt(text: string): IfevalInstruction[] {
  const found = READERS.flatMap((read) => read(text));
  // "N paragraphs separated by two new lines" with a first word is nth_paragraph_first_word, not *** paragraphs.
  const nth = found.some((item) => item.id === 'length_constraints:nth_paragraph_first_word');
  return found
    .filter((item) => !(nth && item.id === 'length_constraints:number_paragraphs' && !/\*\*\*/.test(text)))
    .sort((left, right) => left.at - right.at);
}
