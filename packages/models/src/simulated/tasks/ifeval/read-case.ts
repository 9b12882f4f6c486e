// Reads letter case, comma and language instructions: all capitals, all lowercase, no commas, "only in Hindi".
import { detectInstruction } from '../../instructions/detect-instruction.js';
import { type IfevalInstruction, instruction } from './ifeval-instruction.js';
import { LANGUAGE_CODES, LANGUAGE_NAME } from './language-names.js';
import { LOWERCASE, NO_COMMA, neutralizeWordCounts, UPPERCASE } from './request-families.js';

/**
 * `change_case:english_capital`, `change_case:english_lowercase` and `punctuation:no_comma`.
 * @example
 * readCaseAndCommas('Your entire response should be in English, and in all capital letters. Do not use any commas.')
 *   .map((found) => found.id); // ['change_case:english_capital', 'punctuation:no_comma']
 */
export function readCaseAndCommas(text: string): IfevalInstruction[] {
  const found: IfevalInstruction[] = [];
  if (detectInstruction(neutralizeWordCounts(text), UPPERCASE)) {
    found.push(instruction('change_case:english_capital', {}, Math.max(0, text.search(/capital|caps|upper/i))));
  } else if (detectInstruction(text, LOWERCASE)) {
    found.push(instruction('change_case:english_lowercase', {}, Math.max(0, text.search(/lower|capital/i))));
  }
  if (detectInstruction(text, NO_COMMA))
    found.push(instruction('punctuation:no_comma', {}, Math.max(0, text.search(/comma/i))));
  return found;
}

/** Words around a language name that make it an instruction about the response, not a topic ("explain in French"). */
const RESPONSE_LANGUAGE =
  /\bno other language|\b(?:only|entirely|completely|solely|exclusively|throughout)\b|\blanguage\b|\b(?:written|respond|response|answer|reply)\b[^.]{0,20}\bin\s+$/i;

/**
 * `language:response_language`: "use only the Kannada language, no other language is allowed".
 * @example
 * readLanguage('Please respond to me only in Korean.')[0]?.kwargs; // { language: 'ko' }
 */
export function readLanguage(text: string): IfevalInstruction[] {
  let best: { code: string; at: number; score: number } | undefined;
  for (const sentence of text.matchAll(/[^.!?\n]+[.!?]?/g)) {
    for (const match of sentence[0].matchAll(LANGUAGE_NAME)) {
      const code = LANGUAGE_CODES[(match[1] ?? '').toLowerCase()];
      if (code === undefined) continue;
      const before = sentence[0].slice(0, match.index);
      if (
        !/\b(?:in|using|use|into)\s+(?:only\s+|the\s+|entirely\s+|completely\s+)*$/i.test(before) &&
        !/\bof\s+$/i.test(before)
      )
        continue;
      const score = RESPONSE_LANGUAGE.test(sentence[0])
        ? 2
        : /\bin\s+$/i.test(before) && /^\s*[,.]/.test(sentence[0].slice(match.index + match[0].length))
          ? 1
          : 0;
      if (score > 0 && (best === undefined || score > best.score))
        best = { code, at: sentence.index + match.index, score };
    }
  }
  return best === undefined ? [] : [instruction('language:response_language', { language: best.code }, best.at)];
}
