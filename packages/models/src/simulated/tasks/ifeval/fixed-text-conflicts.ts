// Instructions the request to repeat already decides: "repeat it word for word" wins over them, either way.
import type { IfevalInstruction } from './ifeval-instruction.js';
import { countCapitalWords, countLetter } from './measure-text.js';
import { count, text } from './plan-step.js';

function occurrences(haystack: string, needle: string): number {
  return needle.length === 0 ? 0 : haystack.toLowerCase().split(needle.toLowerCase()).length - 1;
}

/**
 * Whether text the answer must contain verbatim (the request it repeats) already violates the instruction: a comma
 * under "no commas", a forbidden word, too many of a letter or keyword. Such an instruction is planned as failed.
 * @example
 * brokenByFixedText({ id: 'punctuation:no_comma', kwargs: {}, at: 0 }, 'Write a poem, then stop.'); // true
 */
export function brokenByFixedText(instruction: IfevalInstruction, fixed: string): boolean {
  if (fixed.length === 0) return false;
  const { kwargs } = instruction;
  switch (instruction.id) {
    case 'punctuation:no_comma':
      return fixed.includes(',');
    case 'keywords:forbidden_words': {
      const words = new Set(fixed.toLowerCase().split(/[^\p{L}\p{N}_]+/u));
      const forbidden = kwargs.forbidden_words;
      return Array.isArray(forbidden) && forbidden.some((word) => words.has(String(word).toLowerCase()));
    }
    case 'keywords:frequency':
      return (
        kwargs.relation === 'less than' && occurrences(fixed, text(kwargs, 'keyword')) >= count(kwargs, 'frequency')
      );
    case 'keywords:letter_frequency':
      return (
        kwargs.let_relation === 'less than' &&
        countLetter(fixed, text(kwargs, 'letter')) >= count(kwargs, 'let_frequency')
      );
    case 'change_case:capital_word_frequency':
      return kwargs.capital_relation === 'less than' && countCapitalWords(fixed) >= count(kwargs, 'capital_frequency');
    default:
      return false;
  }
}

/**
 * Whether text the answer must contain verbatim already follows the instruction, so that no answer can violate it:
 * a request to repeat that contains "<<title>>", "P.S." or every keyword. Such an instruction is planned as followed.
 * @example
 * followedByFixedText({ id: 'detectable_format:title', kwargs: {}, at: 0 }, 'Add a title like <<title>>.'); // true
 */
export function followedByFixedText(instruction: IfevalInstruction, fixed: string): boolean {
  if (fixed.length === 0) return false;
  const { kwargs } = instruction;
  const lower = fixed.toLowerCase();
  switch (instruction.id) {
    case 'detectable_format:title':
      return /<<[^\n]+>>/.test(fixed);
    case 'keywords:existence':
      return (
        Array.isArray(kwargs.keywords) && kwargs.keywords.every((word) => lower.includes(String(word).toLowerCase()))
      );
    case 'keywords:frequency':
      return (
        kwargs.relation !== 'less than' && occurrences(fixed, text(kwargs, 'keyword')) >= count(kwargs, 'frequency')
      );
    case 'keywords:letter_frequency':
      return (
        kwargs.let_relation !== 'less than' &&
        countLetter(fixed, text(kwargs, 'letter')) >= count(kwargs, 'let_frequency')
      );
    case 'change_case:capital_word_frequency':
      return kwargs.capital_relation !== 'less than' && countCapitalWords(fixed) >= count(kwargs, 'capital_frequency');
    case 'detectable_content:number_placeholders':
      return (fixed.match(/\[[^\n]*?\]/g)?.length ?? 0) >= count(kwargs, 'num_placeholders');
    case 'detectable_content:postscript':
      return text(kwargs, 'postscript_marker') === 'P.P.S' ? /p\.\s?p\.\s?s/.test(lower) : /p\.\s?s\./.test(lower);
    case 'detectable_format:constrained_response':
      return /My answer is (?:yes|no|maybe)\./.test(fixed);
    default:
      return false;
  }
}
