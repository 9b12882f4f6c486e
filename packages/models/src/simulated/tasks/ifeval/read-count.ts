// Reads counts and bounds written in words or digits: "at least 300", "fewer than six", "5 to 10", "twice".
import type { Bound } from './ifeval-instruction.js';

const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
const TENS: Readonly<Record<string, number>> = { thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70 };
const TIMES: Readonly<Record<string, number>> = { once: 1, twice: 2, thrice: 3 };

/** Digits or an English number word up to seventy. */
export const NUMBER = String.raw`(?:\d+|${[...UNITS, ...Object.keys(TENS)].join('|')})`;
/** A count: a number, or "a"/"a single" (one). */
export const COUNT = `(?:${NUMBER}|a single|single|an|a)`;

/**
 * @example
 * readNumber('twelve'); // 12
 * readNumber('40'); // 40
 */
export function readNumber(word: string): number | undefined {
  const lower = word.toLowerCase().trim();
  if (/^\d+$/.test(lower)) return Number(lower);
  if (lower === 'a' || lower === 'an' || lower === 'single' || lower === 'a single') return 1;
  const unit = UNITS.indexOf(lower);
  if (unit >= 0) return unit;
  return TENS[lower] ?? TIMES[lower];
}

const AT_LEAST = `at least|no (?:less|fewer) than|not (?:less|fewer) than|a minimum of|minimum of|minimum|at minimum`;
const MORE_THAN = `more than|over|greater than|longer than|upwards of|above`;
const LESS_THAN = `less than|fewer than|under|below|shorter than`;
const AT_MOST = `at most|no more than|not more than|a maximum of|maximum of|maximum|up to|no longer than|not longer than|(?:anything|nothing) longer than|not exceed(?:ing)?|within`;
const EXACTLY = `exactly|precisely|just|only`;

/** A bound phrase in front of a count, captured as (phrase, count). */
export const BOUND_BEFORE = String.raw`(${AT_LEAST}|${MORE_THAN}|${LESS_THAN}|${AT_MOST}|${EXACTLY})\s+(${COUNT})`;
/** A count followed by a bound phrase ("300+", "10 or more", "100 or less"), captured as (count, phrase). */
export const BOUND_AFTER = String.raw`(\d+|${COUNT})\s*(\+|or more|or above|or greater|or higher|or less|or fewer|or below|or under)`;
/** A range ("600 to 700", "between 5 and 10", "5 or 6"), captured as (low, high). */
export const RANGE = String.raw`(?:between\s+|from\s+|in the range of\s+)?(${NUMBER})\s*(?:to|-|–|and|or)\s*(${NUMBER})`;

/**
 * Bounds from a phrase in front of a count.
 * @example
 * boundsBefore('more than', 5); // [{ relation: 'at least', count: 6 }]
 * boundsBefore('exactly', 2); // [{ relation: 'at least', count: 2 }, { relation: 'less than', count: 3 }]
 */
export function boundsBefore(phrase: string, count: number): Bound[] {
  const lower = phrase.toLowerCase();
  if (new RegExp(`^(?:${AT_LEAST})$`).test(lower)) return [{ relation: 'at least', count }];
  if (new RegExp(`^(?:${MORE_THAN})$`).test(lower)) return [{ relation: 'at least', count: count + 1 }];
  if (new RegExp(`^(?:${LESS_THAN})$`).test(lower)) return [{ relation: 'less than', count }];
  if (new RegExp(`^(?:${AT_MOST})$`).test(lower)) return [{ relation: 'less than', count: count + 1 }];
  return [
    { relation: 'at least', count },
    { relation: 'less than', count: count + 1 },
  ];
}

/**
 * Bounds from a count followed by a phrase.
 * @example
 * boundsAfter(300, '+'); // [{ relation: 'at least', count: 300 }]
 * boundsAfter(100, 'or less'); // [{ relation: 'less than', count: 101 }]
 */
export function boundsAfter(count: number, phrase: string): Bound[] {
  return /^(?:\+|or more|or above|or greater|or higher)$/i.test(phrase)
    ? [{ relation: 'at least', count }]
    : [{ relation: 'less than', count: count + 1 }];
}

/**
 * @example
 * boundsOfRange(600, 700); // [{ relation: 'at least', count: 600 }, { relation: 'less than', count: 701 }]
 */
export function boundsOfRange(low: number, high: number): Bound[] {
  return [
    { relation: 'at least', count: low },
    { relation: 'less than', count: high + 1 },
  ];
}

/**
 * Every bound stated right before `noun` in the text ("at least 300 words", "300+ words", "600 to 700 words"),
 * with the index where it starts. `between` lets a few words sit between the count and the noun.
 * @example
 * boundsBeforeNoun('Answer in 100 to 120 words.', 'words?'); // two bounds: at least 100, less than 121
 */
export function boundsBeforeNoun(
  text: string,
  noun: string,
  between = String.raw`(?:\s+(?!(?:times?|and|or|the|with|in|of|to)\b)[\w-]+){0,3}?`,
) {
  const found: { bounds: Bound[]; at: number; end: number }[] = [];
  const patterns: [RegExp, (match: RegExpExecArray) => Bound[] | undefined][] = [
    [
      new RegExp(String.raw`\b${RANGE}${between}\s+${noun}\b`, 'gi'),
      (match) => {
        const low = readNumber(match[1] ?? '');
        const high = readNumber(match[2] ?? '');
        return low !== undefined && high !== undefined && high > low ? boundsOfRange(low, high) : undefined;
      },
    ],
    [
      new RegExp(String.raw`\b${BOUND_BEFORE}${between}[\s-]+${noun}\b`, 'gi'),
      (match) => {
        const count = readNumber(match[2] ?? '');
        return count === undefined ? undefined : boundsBefore(match[1] ?? '', count);
      },
    ],
    [
      new RegExp(String.raw`\b${BOUND_AFTER}[\s-]*${noun}\b`, 'gi'),
      (match) => {
        const count = readNumber(match[1] ?? '');
        return count === undefined ? undefined : boundsAfter(count, match[2] ?? '');
      },
    ],
    [
      new RegExp(String.raw`\b(\d+|${COUNT})\s+${noun}\s+(or less|or fewer|or more|or above)\b`, 'gi'),
      (match) => {
        const count = readNumber(match[1] ?? '');
        return count === undefined ? undefined : boundsAfter(count, match[2] ?? '');
      },
    ],
  ];
  for (const [pattern, read] of patterns) {
    for (const match of text.matchAll(pattern)) {
      const bounds = read(match as RegExpExecArray);
      if (bounds === undefined) continue;
      const at = match.index;
      const end = at + match[0].length;
      if (found.some((other) => at < other.end && end > other.at)) continue;
      found.push({ bounds, at, end });
    }
  }
  return found.sort((left, right) => left.at - right.at);
}
