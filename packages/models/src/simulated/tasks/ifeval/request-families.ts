// Phrase families for IFEval's yes/no instructions, read with the shared detector (clauses, negation, last word wins).
import { type InstructionFamily, phrase } from '../../instructions/detect-instruction.js';

/** `punctuation:no_comma`. A bare mention of commas is the contrary, so "do not use any commas" asks for none. */
export const NO_COMMA: InstructionFamily = {
  affirm: [
    phrase(String.raw`\bno\s+commas?\b`),
    phrase(String.raw`\bcomma-?free\b`),
    phrase(String.raw`\bwithout\s+(?:using\s+|the use of\s+|any\s+)*commas?\b`),
  ],
  contrary: [phrase(String.raw`\bcommas?\b`)],
};

/** `detectable_format:json_format`. */
export const JSON_FORMAT: InstructionFamily = {
  affirm: [
    phrase(String.raw`\bjson\s+(?:format|block|object|output|structure|code)\b`),
    phrase(
      String.raw`\b(?:wrap|wrapped|put|format|formatted|output|respond|reply|answer|written|return|express)\b~\bjson\b`,
    ),
    phrase(String.raw`\bin\s+json\b`),
  ],
};

/** `startend:quotation`. */
export const QUOTATION: InstructionFamily = {
  affirm: [
    phrase(
      String.raw`\b(?:wrap|wrapped|wrapping|put|enclose|enclosed|place|placed|surround|surrounded)\b~\bdouble\s+quot`,
    ),
    phrase(
      String.raw`\bdouble\s+quot\w*(?:\s+marks?)?\s+(?:should be\s+)?(?:around|placed around|surrounding|wrapping)`,
    ),
    phrase(String.raw`\b(?:with|in|inside|within)\s+double\s+quot`),
  ],
};

/** `change_case:english_lowercase`. "Capital letters" is the contrary: "no capital letters are allowed". */
export const LOWERCASE: InstructionFamily = {
  affirm: [
    phrase(String.raw`\ball\s+lower\s?-?case`),
    phrase(String.raw`\blower\s?-?case\s+(?:letters|english|only)`),
    phrase(String.raw`\bonly\s+lower\s?-?case`),
    phrase(String.raw`\bin\s+lower\s?-?cases?\b`),
    phrase(String.raw`\bno\s+capital\s+letters`),
    phrase(String.raw`\bno\s+capitali[sz]ations?`),
    phrase(String.raw`\bwithout\s+(?:using\s+)?(?:any\s+)?capital\s+letters`),
    phrase(String.raw`\bletters\s+are\s+lower\s?-?case`),
    phrase(String.raw`\blower\s?-?cased\b`),
    /\bnot a single (?:word|letter)\b[^.]{0,60}\bcapital/i,
  ],
  contrary: [phrase(String.raw`\bcapital\s+letters\b`)],
};

/** `change_case:english_capital`. Counts of capitalised words are neutralised first (`neutralizeWordCounts`). */
export const UPPERCASE: InstructionFamily = {
  affirm: [
    phrase(String.raw`\ball\s+(?:capital\s+letters|caps|capitals|upper\s?-?case)`),
    phrase(String.raw`\bcapital\s+letters\s+only`),
    phrase(String.raw`\bonly\s+(?:use\s+)?capital\s+letters`),
    phrase(String.raw`\bcapitali[sz]e\s+(?:all|every)`),
    phrase(String.raw`\b(?:letters|words)\b~\bshould\s+be\s+capitali[sz]ed`),
    phrase(String.raw`\bupper\s?-?case\s+(?:letters\s+)?only`),
    /\bnot a single (?:word|letter)\b[^.]{0,60}\blower\s?-?case/i,
  ],
  contrary: [phrase(String.raw`\blower\s?-?case\s+letters\b`)],
};

/**
 * "10 words in all capital letters" and "words with all capital letters should appear…" count ALL-CAPS words; they
 * do not ask for the whole response in capitals, so they are blanked before UPPERCASE is read.
 * @example
 * neutralizeWordCounts('Use at least 10 words in all capital letters.'); // 'Use at least 10 ~'
 */
export function neutralizeWordCounts(text: string): string {
  return text.replace(
    /\b(?:words?|phrases?)\b[^.!?\n]{0,40}?\b(?:in|with|be in|written in)\s+all[- ](?:capital letters|caps|capitals)/gi,
    '~',
  );
}
