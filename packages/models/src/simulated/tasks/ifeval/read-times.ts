// Reads "how many times" right after a keyword or letter: "at least 3 times", "twice", "6 or 7 times", "at most once".
import type { Bound } from './ifeval-instruction.js';
import { BOUND_BEFORE, boundsBefore, boundsOfRange, COUNT, RANGE, readNumber } from './read-count.js';

const TIMES_WORD = String.raw`(?:\s+times?)`;
const REPEAT = `(?:once|twice|thrice)`;

export interface Times {
  readonly bounds: Bound[];
  /** "at least once": IFEval states it as a keyword to include, not as a frequency. */
  readonly atLeastOnce: boolean;
}

/**
 * Every "N times" bound anywhere in a sentence ("… (such as "RUBRIC") at least 5 times").
 * @example
 * timesIn('use words in all capital letters (such as "RUBRIC") at least 5 times'); // [{ relation: 'at least', count: 5 }]
 */
export function timesIn(sentence: string): Bound[] {
  const pattern = new RegExp(`${BOUND_BEFORE.replace(`(${COUNT})`, `(${COUNT}|${REPEAT})`)}(${TIMES_WORD})?`, 'gi');
  return [...sentence.matchAll(pattern)].flatMap((match) => {
    if (match[3] === undefined && !new RegExp(`^${REPEAT}$`, 'i').test(match[2] ?? '')) return [];
    const count = readNumber(match[2] ?? '');
    return count === undefined ? [] : boundsBefore(match[1] ?? '', count);
  });
}

/**
 * The count a short stretch of text starts with (up to ~6 words in), or undefined.
 * @example
 * readTimes(' at least twice in the essay'); // { bounds: [{ relation: 'at least', count: 2 }], atLeastOnce: false }
 * readTimes(' 3 to 5 times in the ad')?.bounds; // at least 3, less than 6
 */
export function readTimes(text: string): Times | undefined {
  const window = /^[^.!?\n]{0,60}/.exec(text)?.[0] ?? '';
  const lead = String.raw`^(?:\s+[\w'"”’-]+){0,5}?\s+(?:for\s+)?`;
  const range = new RegExp(`${lead}${RANGE}${TIMES_WORD}`, 'i').exec(` ${window}`);
  if (range !== null) {
    const [low, high] = [readNumber(range[1] ?? ''), readNumber(range[2] ?? '')];
    if (low !== undefined && high !== undefined && high > low)
      return { bounds: boundsOfRange(low, high), atLeastOnce: false };
  }
  const bound = new RegExp(
    `${lead}${BOUND_BEFORE.replace(`(${COUNT})`, `(${COUNT}|${REPEAT})`)}(?:${TIMES_WORD})?`,
    'i',
  ).exec(` ${window}`);
  if (bound !== null && (/times?/i.test(bound[0]) || new RegExp(REPEAT, 'i').test(bound[2] ?? ''))) {
    const count = readNumber(bound[2] ?? '');
    if (count !== undefined) {
      const phrase = (bound[1] ?? '').toLowerCase();
      const atLeastOnce = count === 1 && phrase === 'at least';
      if (/^(?:only|just)$/.test(phrase))
        return { bounds: [{ relation: 'less than', count: count + 1 }], atLeastOnce: false };
      return { bounds: boundsBefore(phrase, count), atLeastOnce };
    }
  }
  const after = new RegExp(
    String.raw`${lead}(${COUNT}|${REPEAT})(?:${TIMES_WORD})?\s+(or more|or less|or fewer|or above)${TIMES_WORD}?`,
    'i',
  ).exec(` ${window}`);
  if (after !== null) {
    const count = readNumber(after[1] ?? '');
    if (count !== undefined) {
      const more = /more|above/i.test(after[2] ?? '');
      return {
        bounds: [more ? { relation: 'at least', count } : { relation: 'less than', count: count + 1 }],
        atLeastOnce: false,
      };
    }
  }
  const plain = new RegExp(`${lead}(${COUNT})${TIMES_WORD}|${lead}(${REPEAT})\\b`, 'i').exec(` ${window}`);
  if (plain !== null) {
    const count = readNumber(plain[1] ?? plain[2] ?? '');
    if (count !== undefined) return { bounds: [{ relation: 'at least', count }], atLeastOnce: count === 1 };
  }
  return undefined;
}
