// Reads counts of characters: a letter ("the letter q at least 5 times"), hashtags, exclamation marks, ALL-CAPS words.
import { type Bound, type IfevalInstruction, instruction } from './ifeval-instruction.js';
import { boundsBeforeNoun, COUNT, readNumber } from './read-count.js';
import { readTimes, timesIn } from './read-times.js';

const AVOID = /\b(?:avoid|without|do not|don't|never|not)\b[^.!?\n]{0,24}$/i;

function letterBounds(rest: string, avoided: boolean): Bound[] {
  const times = readTimes(rest);
  if (times === undefined) return avoided ? [{ relation: 'less than', count: 1 }] : [];
  // "Avoid using the letter i more than twice": the limit is the count itself.
  if (avoided) return times.bounds.map((bound) => ({ relation: 'less than', count: bound.count }));
  return times.bounds;
}

/**
 * `keywords:letter_frequency`, with IFEval's kwargs (`letter`, `let_relation`, `let_frequency`).
 * @example
 * readLetterFrequency('Make sure the letter q appears at least 5 times.')[0]?.kwargs;
 * // { letter: 'q', let_relation: 'at least', let_frequency: 5 }
 */
export function readLetterFrequency(text: string): IfevalInstruction[] {
  const found: IfevalInstruction[] = [];
  const add = (letter: string, bounds: Bound[], at: number) => {
    for (const bound of bounds) {
      found.push(
        instruction(
          'keywords:letter_frequency',
          { letter: letter.toLowerCase(), let_relation: bound.relation, let_frequency: bound.count },
          at,
        ),
      );
    }
  };
  for (const match of text.matchAll(/\bletter\s+["'“‘]?([A-Za-z])\b["'”’]?/g)) {
    const before = text.slice(Math.max(0, match.index - 40), match.index);
    const rest = text
      .slice(match.index + match[0].length)
      .replace(/^\s*(?:should|must|to|will)?\s*(?:appears?|show up|shows up|occurs?)?/i, '');
    const avoided = AVOID.test(before) && !/\bat least\b/i.test(rest.slice(0, 30));
    add(match[1] ?? '', letterBounds(` ${rest}`, avoided), match.index);
  }
  for (const match of text.matchAll(new RegExp(String.raw`\b(?:at least\s+)?(${COUNT})\s+hashtags?\b`, 'gi'))) {
    add('#', [{ relation: 'at least', count: readNumber(match[1] ?? '') ?? 1 }], match.index);
  }
  for (const { bounds, at } of boundsBeforeNoun(text, 'exclamation (?:marks?|points?)')) add('!', bounds, at);
  // "two people trying to avoid the letter t… The letter t must appear at least 30 times": the count is the instruction.
  return found.filter(
    (item) =>
      !(item.kwargs.let_frequency === 1 && item.kwargs.let_relation === 'less than') ||
      !found.some((other) => other !== item && other.kwargs.letter === item.kwargs.letter),
  );
}

const CAPITALS = /\b(?:all[- ]caps|all capital|capital letters|capitali[sz]ed|in caps|uppercase)\b/i;
/** A sentence that asks for the whole response in capitals is english_capital, not a count of capitalised words. */
const WHOLE_RESPONSE =
  /\b(?:entire|whole|all your|all of your|all the|every)\b[^.]{0,30}\b(?:response|answer|reply|words)\b[^.]{0,30}\b(?:capital|caps)/i;

function capitalBounds(sentence: string): Bound[] {
  const bounds: Bound[] = boundsBeforeNoun(sentence, String.raw`words?(?:\s+or\s+phrases)?`).flatMap(
    (hit) => hit.bounds,
  );
  bounds.push(...timesIn(sentence));
  const limit = /\b(?:less|fewer) than\s+(\w+)\b(?!\s+(?:words|times))/i.exec(sentence);
  const count = readNumber(limit?.[1] ?? '');
  if (count !== undefined) bounds.push({ relation: 'less than', count });
  return bounds;
}

/**
 * `change_case:capital_word_frequency`: how many words in ALL CAPS ("at least 10 words in all capital letters",
 * "all-caps words should appear at most 10 times"); asking for some such words without a lower count means one.
 * @example
 * readCapitalWordFrequency('Include at least 15 words in all capital letters.')[0]?.kwargs;
 * // { capital_relation: 'at least', capital_frequency: 15 }
 */
export function readCapitalWordFrequency(text: string): IfevalInstruction[] {
  const bounds: Bound[] = [];
  let at: number | undefined;
  let asked = false;
  let offset = 0;
  let carry = false;
  for (const sentence of text.split(/(?<=[.!?\n])/)) {
    const start = offset;
    offset += sentence.length;
    const about = CAPITALS.test(sentence) && /\bwords?\b/i.test(sentence);
    // "Add stress words which are capitalized. Limit those stress words for less than 20 times."
    const continued = carry && /\b(?:those|these|such|them)\b/i.test(sentence);
    carry = about;
    if (!(about || continued)) continue;
    if (about && WHOLE_RESPONSE.test(sentence) && !/\d|\bsome\b|\bfew\b/.test(sentence)) continue;
    at ??= start;
    asked ||= /\b(?:some|a few|few|several|use|include|add|capitali[sz]e)\b/i.test(sentence);
    bounds.push(...capitalBounds(sentence));
  }
  if (at === undefined) return [];
  if (asked && !bounds.some((bound) => bound.relation === 'at least'))
    bounds.unshift({ relation: 'at least', count: 1 });
  const seen = new Set<string>();
  return bounds
    .filter((bound) => {
      const key = `${bound.relation}:${bound.count}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((bound) =>
      instruction(
        'change_case:capital_word_frequency',
        { capital_relation: bound.relation, capital_frequency: bound.count },
        at,
      ),
    );
}
