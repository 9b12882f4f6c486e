// Reads keyword instructions: words to include, words to avoid, and how often a word should appear.
import { type IfevalInstruction, instruction } from './ifeval-instruction.js';
import { readTerms } from './read-terms.js';
import { readTimes } from './read-times.js';

const NEGATION = `(?:do not|don't|dont|does not|doesn't|did not|didn't|won't|not|never|without|avoid|avoiding|exclude|excluding|refrain from|cannot|can't|must not|should not|shouldn't)`;
const TERM_NOUN = `(?:key ?words?|words?|terms?|items?|line|phrases?|names?)`;

function quotedOrWord(text: string): string | undefined {
  return /^\s*(?:"([^"]+)"|“([^”]+)”|'([^']+)'|‘([^’]+)’|([\p{L}\p{N}-]+))/u
    .exec(text)
    ?.slice(1)
    .find((group) => group !== undefined);
}

/**
 * `keywords:forbidden_words`: "do not include the keywords X, Y", "avoid the words X and Y", "without saying X",
 * "the word X should not appear".
 * @example
 * readForbiddenWords('Do not include keywords "beauty" and "pretty".')[0]?.kwargs; // { forbidden_words: ['beauty', 'pretty'] }
 */
export function readForbiddenWords(text: string): IfevalInstruction[] {
  const found: IfevalInstruction[] = [];
  const add = (terms: string[], at: number) => {
    const words = terms.filter((term) => term.length > 0);
    if (words.length > 0) found.push(instruction('keywords:forbidden_words', { forbidden_words: words }, at));
  };
  const listed = new RegExp(
    String.raw`\b${NEGATION}\s+(?:(?:to|use|using|include|including|say|saying|mention|mentioning|contain|containing|the use of|the|any|following|of)\s+){0,3}(?:the\s+)?(?:following\s+)?(?:negative\s+|bad\s+|specific\s+)?${TERM_NOUN}\b(?!\s+(?:before|after|outside|or characters))`,
    'gi',
  );
  for (const match of text.matchAll(listed)) add(readTerms(text.slice(match.index + match[0].length)), match.index);
  const direct =
    /\b(?:do not|don't|never)\s+(?:(?:use|include|say|write)\s+(?=["“'‘])|mention\s+(?!the\s|any\s|a\s))/gi;
  for (const match of text.matchAll(direct)) add(readTerms(text.slice(match.index + match[0].length)), match.index);
  const after =
    /\b(?:the\s+)?(?:key)?words?\s+([^.!?\n]{1,60}?)\s+(?:should not|must not|shall not|doesn't|does not|do not|may not|cannot|can't)\s+(?:appear|be used|be included|show up|be in)/giu;
  for (const match of text.matchAll(after)) add(readTerms(match[1] ?? ''), match.index);
  return dedupe(found);
}

function dedupe(found: IfevalInstruction[]): IfevalInstruction[] {
  const seen = new Set<string>();
  return found.filter((item) => {
    const key = JSON.stringify(item.kwargs);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * `keywords:existence`: "include the keywords X and Y", "mention X", "containing keywords X".
 * @example
 * readKeywordExistence('Include the keywords "rate" and "rte".')[0]?.kwargs; // { keywords: ['rate', 'rte'] }
 */
export function readKeywordExistence(text: string): IfevalInstruction[] {
  const found: IfevalInstruction[] = [];
  const cue = new RegExp(
    String.raw`\b(?:include|includes|including|contain|contains|containing|use|using|mention|has|have|with)\s+(?:the\s+|these\s+|some\s+)?(?:following\s+)?${TERM_NOUN}\b\s*:?`,
    'gi',
  );
  for (const match of text.matchAll(cue)) {
    const before = text.slice(Math.max(0, match.index - 24), match.index);
    if (new RegExp(String.raw`\b${NEGATION}\s*(?:\w+\s+)?$`, 'i').test(before)) continue;
    const rest = text.slice(match.index + match[0].length);
    // "start with the word X" is a paragraph's first word; "include the word X 3 times" is a frequency.
    if (
      /\b(?:start|starts|begin|begins|end|ends|finish|finishes)\b[^.!?]{0,30}$/i.test(
        text.slice(Math.max(0, match.index - 40), match.index),
      )
    )
      continue;
    if (readTimes(rest.replace(/^\s*(?:"[^"]+"|'[^']+'|“[^”]+”|[\p{L}-]+)/u, '')) !== undefined) continue;
    const terms = readTerms(rest);
    if (terms.length > 0) found.push(instruction('keywords:existence', { keywords: terms }, match.index));
  }
  for (const match of text.matchAll(/\bmention\s+(?=["“'‘])/gi)) {
    const terms = readTerms(text.slice(match.index + match[0].length));
    if (terms.length > 0) found.push(instruction('keywords:existence', { keywords: terms }, match.index));
  }
  for (const match of text.matchAll(/\bmention the name\s+([\p{L}-]+)\s+only once\b/giu)) {
    found.push(instruction('keywords:existence', { keywords: [(match[1] ?? '').toLowerCase()] }, match.index));
  }
  return dedupe(found);
}

/**
 * `keywords:frequency`: "the word X should appear at least 3 times", "use the word X less than twice".
 * @example
 * readKeywordFrequency('Make sure the word cousins appears more than 2 times.')[0]?.kwargs;
 * // { keyword: 'cousins', relation: 'at least', frequency: 3 }
 */
export function readKeywordFrequency(text: string): IfevalInstruction[] {
  const found: IfevalInstruction[] = [];
  const cue =
    /\b(?:the\s+)?(?:key ?word|word|name)\s+("[^"]+"|“[^”]+”|'[^']+'|[\p{L}-]+)(?:\s+(?:should|must|to|will|shall|needs to|has to))?(?:\s+(?:appear|appears|be used|show up|shows up|occur|occurs|be mentioned|be included))?/giu;
  for (const match of text.matchAll(cue)) {
    const keyword = quotedOrWord(match[1] ?? '');
    if (keyword === undefined || /^(?:with|in|for|that|which|count|limit|to|of)$/i.test(keyword)) continue;
    const times = readTimes(text.slice(match.index + match[0].length));
    if (times === undefined) continue;
    for (const bound of times.bounds) {
      found.push(
        instruction('keywords:frequency', { keyword, relation: bound.relation, frequency: bound.count }, match.index),
      );
    }
  }
  for (const match of text.matchAll(/\bavoid\s+(?:mentioning|using|saying)\s+(?=["“'‘])/gi)) {
    const [keyword] = readTerms(text.slice(match.index + match[0].length));
    if (keyword !== undefined) {
      found.push(instruction('keywords:frequency', { keyword, relation: 'less than', frequency: 1 }, match.index));
    }
  }
  return dedupe(found);
}
