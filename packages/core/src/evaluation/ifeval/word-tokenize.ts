// Port of NLTK's `word_tokenize` (Punkt sentences, then NLTKWordTokenizer's Treebank-style rules on each).
import { punktSentences } from './punkt.js';
import { PY_BOUNDARY, PY_DIGIT, PY_SPACE, PY_WORD } from './python-text.js';

type Rule = readonly [RegExp, string];

const rule = (source: string, replacement: string, flags = ''): Rule => [new RegExp(source, `gu${flags}`), replacement];

const STARTING_QUOTES: readonly Rule[] = [
  rule('([«“‘„]|`+)', ' $1 '),
  rule('^"', '``'),
  rule('(``)', ' $1 '),
  rule(`([ ([{<])("|'{2})`, '$1 `` '),
  rule(`(?<!${PY_WORD})(')(?!(?:re|ve|ll|m|t|s|d|n)${PY_BOUNDARY})(?=${PY_WORD})`, '$1 ', 'i'),
];

const PUNCTUATION: readonly Rule[] = [
  rule(`([^.])(\\.)([\\])}>"'»”’ ]*)${PY_SPACE}*$`, '$1 $2 $3 '),
  rule(`([:,])([^${PY_DIGIT}])`, ' $1 $2'),
  rule('([:,])$', ' $1 '),
  rule('\\.{2,}', ' $& '),
  rule('[;@#$%&]', ' $& '),
  rule('[\\u2012-\\u2015]', ' $& '),
  rule(`([^.])(\\.)([\\])}>"']*)${PY_SPACE}*$`, '$1 $2$3 '),
  rule('[?!]', ' $& '),
  rule("([^'])' ", "$1 ' "),
  rule('[*]', ' $& '),
];

const PARENS_BRACKETS = rule('[\\][(){}<>]', ' $& ');
const DOUBLE_DASHES = rule('--', ' -- ');

const ENDING_QUOTES: readonly Rule[] = [
  rule('([»”’])', ' $1 '),
  rule("''", " '' "),
  rule('"', " '' "),
  rule(`${PY_SPACE}+`, ' '),
  rule("([^' ])('[sS]|'[mM]|'[dD]|') ", '$1 $2 '),
  rule("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", '$1 $2 '),
];

const CONTRACTIONS: readonly Rule[] = [
  ...[
    ['can', 'not'],
    ['d', "'ye"],
    ['gim', 'me'],
    ['gon', 'na'],
    ['got', 'ta'],
    ['lem', 'me'],
    ['more', "'n"],
  ].map(([head, tail]) => rule(`${PY_BOUNDARY}(${head})(${tail})${PY_BOUNDARY}`, ' $1 $2 ', 'i')),
  rule(`${PY_BOUNDARY}(wan)(na)(?=${PY_SPACE})`, ' $1 $2 ', 'i'),
  rule(` ('t)(is)${PY_BOUNDARY}`, ' $1 $2 ', 'i'),
  rule(` ('t)(was)${PY_BOUNDARY}`, ' $1 $2 ', 'i'),
];

function applyRules(text: string, rules: readonly Rule[]): string {
  let result = text;
  for (const [pattern, replacement] of rules) result = result.replace(pattern, replacement);
  return result;
}

/** NLTKWordTokenizer.tokenize on one sentence. */
export function treebankTokenize(sentence: string): string[] {
  let text = applyRules(sentence, STARTING_QUOTES);
  text = applyRules(text, PUNCTUATION);
  text = applyRules(text, [PARENS_BRACKETS, DOUBLE_DASHES]);
  text = applyRules(` ${text} `, ENDING_QUOTES);
  text = applyRules(text, CONTRACTIONS);
  return text.split(' ').filter((token) => token !== '');
}

/**
 * Words and punctuation tokens as NLTK's `word_tokenize` gives them.
 * @example
 * wordTokenize("I CAN'T wait."); // ['I', 'CA', "N'T", 'wait', '.']
 */
export function wordTokenize(text: string): string[] {
  return punktSentences(text).flatMap(treebankTokenize);
}
