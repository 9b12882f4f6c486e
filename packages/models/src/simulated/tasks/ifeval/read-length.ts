// Reads length instructions: numbers of words and sentences ("at least 300 words", "less than 5 sentences").
import { type Bound, type IfevalInstruction, instruction } from './ifeval-instruction.js';
import {
  BOUND_AFTER,
  BOUND_BEFORE,
  boundsAfter,
  boundsBefore,
  boundsBeforeNoun,
  boundsOfRange,
  RANGE,
  readNumber,
} from './read-count.js';

/** Counts of capitalised words are a different instruction: "10 words in all capital letters". */
const ABOUT_CAPITALS = /^[^.!?\n]{0,40}\b(?:capital|caps|capitali[sz]ed|upper-?case)\b/i;

/** "the number of words in your response should be 250 or more", "in the range of 40 to 60". */
function numberOfBounds(text: string, noun: string): { bounds: Bound[]; at: number }[] {
  const pattern = new RegExp(
    String.raw`\bnumber of ${noun}\b[^.!?\n]{0,60}?\b(?:${RANGE}|${BOUND_BEFORE}|${BOUND_AFTER})`,
    'gi',
  );
  return [...text.matchAll(pattern)].flatMap((match) => {
    if (/capital|caps/i.test(match[0])) return []; // "the number of words in all capital letters"
    const [, low, high, phrase, count, afterCount, afterPhrase] = match;
    if (low !== undefined && high !== undefined) {
      const [from, to] = [readNumber(low), readNumber(high)];
      return from !== undefined && to !== undefined ? [{ bounds: boundsOfRange(from, to), at: match.index }] : [];
    }
    if (phrase !== undefined && count !== undefined) {
      const value = readNumber(count);
      return value !== undefined ? [{ bounds: boundsBefore(phrase, value), at: match.index }] : [];
    }
    const value = readNumber(afterCount ?? '');
    return value !== undefined && afterPhrase !== undefined
      ? [{ bounds: boundsAfter(value, afterPhrase), at: match.index }]
      : [];
  });
}

/** Ranges in parentheses: "(just 1 or 2 sentences)" illustrates the bound stated before it. */
function inParentheses(text: string, at: number): boolean {
  const open = text.lastIndexOf('(', at);
  return open >= 0 && text.indexOf(')', open) > at && text.lastIndexOf(')', at) < open;
}

function lengthInstructions(
  text: string,
  noun: string,
  plural: string,
  id: 'length_constraints:number_words' | 'length_constraints:number_sentences',
  key: 'num_words' | 'num_sentences',
): IfevalInstruction[] {
  const aboutCapitals = (hit: { at: number; end: number }) =>
    id === 'length_constraints:number_words' &&
    (ABOUT_CAPITALS.test(text.slice(hit.end)) || /capital|caps/i.test(text.slice(hit.at, hit.end)));
  const all = [...boundsBeforeNoun(text, noun).filter((hit) => !aboutCapitals(hit)), ...numberOfBounds(text, plural)];
  const outside = all.filter((hit) => !inParentheses(text, hit.at));
  const found = outside.length > 0 ? outside : all;
  const seen = new Set<string>();
  const result: IfevalInstruction[] = [];
  for (const { bounds, at } of found.sort((left, right) => left.at - right.at)) {
    for (const bound of bounds) {
      const name = `${bound.relation}:${bound.count}`;
      if (seen.has(name)) continue;
      seen.add(name);
      result.push(instruction(id, { relation: bound.relation, [key]: bound.count }, at));
    }
  }
  return result;
}

/**
 * @example
 * readWordCounts('Answer in 100 to 120 words.').map((found) => found.kwargs);
 * // [{ relation: 'at least', num_words: 100 }, { relation: 'less than', num_words: 121 }]
 */
export function readWordCounts(text: string): IfevalInstruction[] {
  const normalized = text.replace(/\ba total of /gi, '');
  const hyphenated = [...normalized.matchAll(/\b(\d+)-word\b/gi)].map((match) =>
    instruction('length_constraints:number_words', { relation: 'at least', num_words: Number(match[1]) }, match.index),
  );
  const stated = lengthInstructions(normalized, 'words?', 'words', 'length_constraints:number_words', 'num_words');
  return stated.length > 0 ? stated : hyphenated;
}

/**
 * @example
 * readSentenceCounts('Use less than 5 sentences.')[0]?.kwargs; // { relation: 'less than', num_sentences: 5 }
 */
export function readSentenceCounts(text: string): IfevalInstruction[] {
  const normalized = text.replace(/\ba total of /gi, '');
  return lengthInstructions(
    normalized,
    'sentences?',
    'sentences',
    'length_constraints:number_sentences',
    'num_sentences',
  );
}
