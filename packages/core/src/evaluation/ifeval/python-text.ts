// Python `str`/`re` semantics the IFEval reference checker relies on, which JavaScript's built-ins differ from.

/**
 * Python's whitespace (`str.isspace`, `re`'s `\s` on str patterns). JavaScript's `\s` also matches U+FEFF and misses
 * U+001C–U+001F and U+0085, so patterns ported from Python use this class instead.
 */
export const PY_SPACE =
  '[\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
/** Python's `\S`. */
export const PY_NON_SPACE =
  '[^\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
/** Python's `\w` on str patterns: letters, numbers (any script) and `_`; combining marks are not word characters. */
export const PY_WORD = '[\\p{L}\\p{N}_]';
/** Python's `\W`. */
export const PY_NON_WORD = '[^\\p{L}\\p{N}_]';
/** Python's `\d` on str patterns: any decimal digit. */
export const PY_DIGIT = '\\p{Nd}';
/** Python's `\b`: a boundary between a `\w` and a non-`\w` character (or the text's ends). */
export const PY_BOUNDARY = `(?:(?<=${PY_WORD})(?!${PY_WORD})|(?<!${PY_WORD})(?=${PY_WORD}))`;
/** Python's `^` under `re.MULTILINE` (after `\n` only; JavaScript's `m` flag also breaks lines at `\r`). */
export const PY_LINE_START = '(?:^|(?<=\\n))';
/** Python's `$` under `re.MULTILINE`. */
export const PY_LINE_END = '(?=\\n|$)';

const SPACE_SET = new RegExp(`^${PY_SPACE}$`, 'u');
const UPPER = /[\p{Uppercase}]/u;
const LOWER = /[\p{Lowercase}]/u;
const TITLE = /\p{Lt}/u;

export function isPySpace(character: string): boolean {
  return SPACE_SET.test(character);
}

/** Python's `str.strip(chars)`; without `chars`, strips Python whitespace. */
export function pyStrip(text: string, chars?: string): string {
  return pyRstrip(pyLstrip(text, chars), chars);
}

/** Python's `str.lstrip(chars)`. */
export function pyLstrip(text: string, chars?: string): string {
  const drop = (character: string): boolean => (chars === undefined ? isPySpace(character) : chars.includes(character));
  let start = 0;
  while (start < text.length && drop(text.charAt(start))) start += 1;
  return text.slice(start);
}

/** Python's `str.rstrip(chars)`. */
export function pyRstrip(text: string, chars?: string): string {
  const drop = (character: string): boolean => (chars === undefined ? isPySpace(character) : chars.includes(character));
  let end = text.length;
  while (end > 0 && drop(text.charAt(end - 1))) end -= 1;
  return text.slice(0, end);
}

/** Python's `str.split()` with no separator: runs of whitespace separate, empty pieces are dropped. */
export function pySplitWhitespace(text: string): string[] {
  return text.split(new RegExp(`${PY_SPACE}+`, 'u')).filter((piece) => piece.length > 0);
}

/** Python's `str.isupper()`: at least one cased character and no lowercase or titlecase one. */
export function pyIsUpper(text: string): boolean {
  let cased = false;
  for (const character of text) {
    if (LOWER.test(character) || TITLE.test(character)) return false;
    if (UPPER.test(character)) cased = true;
  }
  return cased;
}

/** Python's `str.islower()`: at least one cased character and no uppercase or titlecase one. */
export function pyIsLower(text: string): boolean {
  let cased = false;
  for (const character of text) {
    if (UPPER.test(character) || TITLE.test(character)) return false;
    if (LOWER.test(character)) cased = true;
  }
  return cased;
}

/** Escapes a literal for use inside a RegExp (also valid under the `u` flag, which rejects escaping `-`). */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Python's `len(re.findall(pattern, text))` for a pattern without groups: non-overlapping matches. */
export function countMatches(pattern: RegExp, text: string): number {
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  let count = 0;
  for (const _match of text.matchAll(global)) count += 1;
  return count;
}
