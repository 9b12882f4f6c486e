// Port of NLTK's Punkt sentence tokenizer (Kiss & Strunk 2006; nltk/tokenize/punkt.py), tokenizing side only.
import {
  ORTHO_BEG_LC,
  ORTHO_LC,
  ORTHO_MID_UC,
  ORTHO_UC,
  PUNKT_ENGLISH,
  type PunktParameters,
} from './punkt-english.js';
import { isPySpace, PY_NON_SPACE, PY_SPACE, pyIsLower, pyIsUpper, pyRstrip, pyStrip } from './python-text.js';

const NON_WORD = `(?:[)";}\\]*:@'({[?!])`;
const MULTI_CHAR = `(?:-{2,}|\\.{2,}|(?:\\.${PY_SPACE}){2,}\\.)`;
const WORD_START = `[^("\`{\\[:;&#*@)}\\]\\-,]`;
const WORD_TOKEN = new RegExp(
  `${MULTI_CHAR}|(?=${WORD_START})${PY_NON_SPACE}+?(?=${PY_SPACE}|$|${NON_WORD}|${MULTI_CHAR}|,(?=$|${PY_SPACE}|${NON_WORD}|${MULTI_CHAR}))|${PY_NON_SPACE}`,
  'gu',
);
const PERIOD_CONTEXT = new RegExp(`[.?!](?=(${NON_WORD}|${PY_SPACE}+(${PY_NON_SPACE}+)))`, 'gu');
const BOUNDARY_REALIGNMENT = new RegExp(`^["')\\]}]+?(?:${PY_SPACE}+|(?=--)|(?=\\n|$))`, 'u');
const NUMERIC = /^-?[.,]?\p{Nd}[\p{Nd},.-]*\.?$/u;
const ELLIPSIS = /^\.\.+$/;
const INITIAL = /^[\p{L}\p{N}_](?<!\p{Nd})\.$/u;
const SENTENCE_END_CHARS = new Set(['.', '?', '!']);
const PUNCTUATION = new Set([';', ':', ',', '.', '!', '?']);

interface Token {
  readonly tok: string;
  readonly type: string;
  readonly periodFinal: boolean;
  sentbreak: boolean;
  abbr: boolean;
  ellipsis: boolean;
}

function makeToken(tok: string): Token {
  const lower = tok.toLowerCase();
  return {
    tok,
    type: NUMERIC.test(lower) ? '##number##' : lower,
    periodFinal: tok.endsWith('.'),
    sentbreak: false,
    abbr: false,
    ellipsis: false,
  };
}

function typeNoPeriod(token: Token): string {
  return token.type.length > 1 && token.type.endsWith('.') ? token.type.slice(0, -1) : token.type;
}

function typeNoSentperiod(token: Token): string {
  return token.sentbreak ? typeNoPeriod(token) : token.type;
}

function firstCharacter(token: Token): string {
  return String.fromCodePoint(token.tok.codePointAt(0) ?? 0);
}

function tokenizeWords(text: string): Token[] {
  const tokens: Token[] = [];
  for (const line of text.split('\n')) {
    if (pyStrip(line) === '') continue;
    for (const [tok] of line.matchAll(WORD_TOKEN)) tokens.push(makeToken(tok));
  }
  return tokens;
}

function annotateFirstPass(token: Token, parameters: PunktParameters): void {
  const { tok } = token;
  if (SENTENCE_END_CHARS.has(tok)) {
    token.sentbreak = true;
  } else if (ELLIPSIS.test(tok)) {
    token.ellipsis = true;
  } else if (token.periodFinal && !tok.endsWith('..')) {
    const stem = tok.slice(0, -1).toLowerCase();
    const lastPart = stem.split('-').at(-1) ?? stem;
    if (parameters.abbreviations.has(stem) || parameters.abbreviations.has(lastPart)) token.abbr = true;
    else token.sentbreak = true;
  }
}

/** True, false or unknown: does the token start a sentence, judging by the case it was seen in? */
function orthoHeuristic(token: Token, parameters: PunktParameters): boolean | 'unknown' {
  if (PUNCTUATION.has(token.tok)) return false;
  const context = parameters.orthoContext(typeNoSentperiod(token));
  const first = firstCharacter(token);
  if (pyIsUpper(first) && context & ORTHO_LC && !(context & ORTHO_MID_UC)) return true;
  if (pyIsLower(first) && (context & ORTHO_UC || !(context & ORTHO_BEG_LC))) return false;
  return 'unknown';
}

function annotateSecondPass(first: Token, second: Token, parameters: PunktParameters): void {
  if (!first.periodFinal) return;
  const type = typeNoPeriod(first);
  const nextType = typeNoSentperiod(second);
  const isInitial = INITIAL.test(first.tok);

  if (parameters.collocations.has(`${type} ${nextType}`)) {
    first.sentbreak = false;
    first.abbr = true;
    return;
  }

  if ((first.abbr || first.ellipsis) && !isInitial) {
    if (orthoHeuristic(second, parameters) === true) {
      first.sentbreak = true;
      return;
    }
    if (pyIsUpper(firstCharacter(second)) && parameters.sentenceStarters.has(nextType)) {
      first.sentbreak = true;
      return;
    }
  }

  if (isInitial || type === '##number##') {
    const startsSentence = orthoHeuristic(second, parameters);
    if (startsSentence === false) {
      first.sentbreak = false;
      first.abbr = true;
      return;
    }
    if (
      startsSentence === 'unknown' &&
      isInitial &&
      pyIsUpper(firstCharacter(second)) &&
      !(parameters.orthoContext(nextType) & ORTHO_LC)
    ) {
      first.sentbreak = false;
      first.abbr = true;
    }
  }
}

function containsSentenceBreak(context: string, parameters: PunktParameters): boolean {
  const tokens = tokenizeWords(context);
  for (const token of tokens) annotateFirstPass(token, parameters);
  for (const [index, token] of tokens.entries()) {
    const next = tokens[index + 1];
    if (next === undefined) return false;
    annotateSecondPass(token, next, parameters);
    // A break counts only when a token follows it.
    if (token.sentbreak) return true;
  }
  return false;
}

interface EndContext {
  readonly end: number;
  readonly nextTokenStart: number | null;
  readonly context: string;
}

/** Python's `text.rsplit(maxsplit=1)`: [rest, lastWord], [lastWord] or []. */
function rsplitLastWord(text: string): string[] {
  const trimmed = pyRstrip(text);
  let wordStart = trimmed.length;
  while (wordStart > 0 && !isPySpace(trimmed.charAt(wordStart - 1))) wordStart -= 1;
  const word = trimmed.slice(wordStart);
  if (word === '') return [];
  let restEnd = wordStart;
  while (restEnd > 0 && isPySpace(trimmed.charAt(restEnd - 1))) restEnd -= 1;
  return restEnd === 0 ? [word] : [trimmed.slice(0, restEnd), word];
}

function potentialEndContexts(text: string): EndContext[] {
  const matches = [...text.matchAll(PERIOD_CONTEXT)].reverse();
  const found: EndContext[] = [];
  let beforeStart = 0;
  for (const match of matches) {
    const start = match.index;
    const end = start + match[0].length;
    if (found.length > 0 && end > beforeStart) continue;
    const split = rsplitLastWord(text.slice(0, start));
    beforeStart = split.length === 2 ? (split[0]?.length ?? 0) : 0;
    const afterToken = match[1] ?? '';
    const nextToken = match[2];
    found.push({
      end,
      nextTokenStart: nextToken === undefined ? null : end + afterToken.length - nextToken.length,
      context: (split.at(-1) ?? '') + match[0] + afterToken,
    });
  }
  return found.reverse();
}

/**
 * Sentence spans as `PunktSentenceTokenizer.span_tokenize(text)` gives them (boundaries realigned so closing
 * quotes and brackets stay with their sentence).
 */
export function punktSentenceSpans(text: string, parameters: PunktParameters = PUNKT_ENGLISH): [number, number][] {
  const slices: [number, number][] = [];
  let lastBreak = 0;
  for (const { end, nextTokenStart, context } of potentialEndContexts(text)) {
    if (!containsSentenceBreak(context, parameters)) continue;
    slices.push([lastBreak, end]);
    lastBreak = nextTokenStart ?? end;
  }
  slices.push([lastBreak, pyRstrip(text).length]);

  const spans: [number, number][] = [];
  let realign = 0;
  for (const [index, [start, stop]] of slices.entries()) {
    const first: [number, number] = [start + realign, stop];
    const next = slices[index + 1];
    if (next === undefined) {
      if (first[1] > first[0]) spans.push(first);
      continue;
    }
    const match = BOUNDARY_REALIGNMENT.exec(text.slice(next[0], next[1]));
    if (match) {
      spans.push([first[0], next[0] + pyRstrip(match[0]).length]);
      realign = match[0].length;
    } else {
      realign = 0;
      if (first[1] > first[0]) spans.push(first);
    }
  }
  return spans;
}

/**
 * Sentences of an English text, as NLTK's `sent_tokenize` (pretrained Punkt) splits them.
 * @example
 * punktSentences('Mr. Smith went home. He slept.'); // ['Mr. Smith went home.', 'He slept.']
 */
export function punktSentences(text: string, parameters: PunktParameters = PUNKT_ENGLISH): string[] {
  return punktSentenceSpans(text, parameters).map(([start, stop]) => text.slice(start, stop));
}
