// detectable_format:* checks: bullets, constrained answers, highlights, sections, JSON, <<title>>.
import type { IfevalCheckFactory } from './check-types.js';
import { readInteger, readString } from './kwargs.js';
import { countMatches, escapeRegExp, PY_DIGIT, PY_LINE_END, PY_LINE_START, PY_SPACE, pyStrip } from './python-text.js';

// `\s*` may run over blank lines and `[^*]` may be a newline, as in the reference's patterns.
const STAR_BULLET = new RegExp(`${PY_LINE_START}${PY_SPACE}*\\*[^*][^\\n]*${PY_LINE_END}`, 'gu');
const DASH_BULLET = new RegExp(`${PY_LINE_START}${PY_SPACE}*-[^\\n]*${PY_LINE_END}`, 'gu');

/** `detectable_format:number_bullet_lists`: exactly `num_bullets` lines starting with `* ` or `-` (so `---` counts). */
export const numberBulletLists: IfevalCheckFactory = (context) => {
  const expected = readInteger(context, 'num_bullets');
  return (response) => countMatches(STAR_BULLET, response) + countMatches(DASH_BULLET, response) === expected;
};

const CONSTRAINED_OPTIONS = ['My answer is yes.', 'My answer is no.', 'My answer is maybe.'] as const;

/** `detectable_format:constrained_response`: contains one of "My answer is yes./no./maybe." (case-sensitive). */
export const constrainedResponse: IfevalCheckFactory = () => (response) => {
  const value = pyStrip(response);
  return CONSTRAINED_OPTIONS.some((option) => value.includes(option));
};

const SINGLE_HIGHLIGHT = /\*[^\n*]*\*/g;
const DOUBLE_HIGHLIGHT = /\*\*[^\n*]*\*\*/g;

/**
 * `detectable_format:number_highlighted_sections`: at least `num_highlights` non-blank `*...*` or `**...**` spans
 * on one line (the single-star pattern reads `**x**` as two blank spans, the double-star one counts it).
 */
export const numberHighlightedSections: IfevalCheckFactory = (context) => {
  const minimum = readInteger(context, 'num_highlights');
  return (response) => {
    let count = 0;
    for (const [highlight] of response.matchAll(SINGLE_HIGHLIGHT))
      if (pyStrip(pyStrip(highlight, '*')) !== '') count += 1;
    for (const [highlight] of response.matchAll(DOUBLE_HIGHLIGHT))
      if (pyStrip(highlight.slice(2, -2)) !== '') count += 1;
    return count >= minimum;
  };
};

/** `detectable_format:multiple_sections`: at least `num_sections` occurrences of "<splitter> <number>". */
export const multipleSections: IfevalCheckFactory = (context) => {
  const splitter = escapeRegExp(pyStrip(readString(context, 'section_spliter')));
  const minimum = readInteger(context, 'num_sections');
  const pattern = new RegExp(`${PY_SPACE}?${splitter}${PY_SPACE}?${PY_DIGIT}+${PY_SPACE}?`, 'gu');
  return (response) => countMatches(pattern, response) >= minimum;
};

// Python's json.loads also accepts the non-standard NaN, Infinity and -Infinity; JSON.parse does not.
const STRING_OR_NON_FINITE = /"(?:[^"\\]|\\.)*"|-?Infinity|NaN/gs;

function parsesAsPythonJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    const finite = text.replace(STRING_OR_NON_FINITE, (token) => (token.startsWith('"') ? token : '0'));
    if (finite === text) return false;
    try {
      JSON.parse(finite);
      return true;
    } catch {
      return false;
    }
  }
}

function removePrefix(text: string, prefix: string): string {
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

/** `detectable_format:json_format`: the response, without one surrounding ```json fence, parses as JSON. */
export const jsonFormat: IfevalCheckFactory = () => (response) => {
  let value = pyStrip(response);
  for (const prefix of ['```json', '```Json', '```JSON', '```']) value = removePrefix(value, prefix);
  if (value.endsWith('```')) value = value.slice(0, -3);
  return parsesAsPythonJson(pyStrip(value));
};

const TITLE = /<<[^\n]+>>/g;

/** `detectable_format:title`: a `<<title>>` on one line with something other than spaces inside. */
export const title: IfevalCheckFactory = () => (response) => {
  for (const [match] of response.matchAll(TITLE)) {
    if (pyStrip(match.replace(/^<+/, '').replace(/>+$/, '')) !== '') return true;
  }
  return false;
};
