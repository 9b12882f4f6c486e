// detectable_content:* checks: [placeholders] and a postscript.
import type { IfevalCheckFactory } from './check-types.js';
import { readInteger, readString } from './kwargs.js';
import { countMatches, escapeRegExp, PY_SPACE, pyStrip } from './python-text.js';

const PLACEHOLDER = /\[[^\n]*?\]/g;

/** `detectable_content:number_placeholders`: at least `num_placeholders` `[...]` spans on single lines. */
export const numberPlaceholders: IfevalCheckFactory = (context) => {
  const minimum = readInteger(context, 'num_placeholders');
  return (response) => countMatches(PLACEHOLDER, response) >= minimum;
};

/**
 * `detectable_content:postscript`: the marker occurs anywhere (not only at a line start: the reference's leading
 * `\s*` anchors nothing). `P.S.` and `P.P.S` tolerate one space after each period; matching is case-insensitive.
 */
export const postscript: IfevalCheckFactory = (context) => {
  const marker = pyStrip(readString(context, 'postscript_marker'));
  const source =
    marker === 'P.P.S'
      ? `p\\.${PY_SPACE}?p\\.${PY_SPACE}?s`
      : marker === 'P.S.'
        ? `p\\.${PY_SPACE}?s\\.`
        : escapeRegExp(marker.toLowerCase());
  const pattern = new RegExp(source, 'u');
  return (response) => pattern.test(response.toLowerCase());
};
