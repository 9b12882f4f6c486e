// E-mail addresses, found by scanning around each '@' instead of a regex: linear on any input, and fast on the
// common string that has no '@' at all (one indexOf).
import { addCount, placeholder, type RedactionCounts, type TextRule } from './text-rule.js';

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
const DOT = 46;
const HYPHEN = 45;

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** `.`, `_`, `%`, `+`, `-` besides letters and digits: the local-part characters seen in practice. */
function isLocal(code: number): boolean {
  return isAlphanumeric(code) || code === DOT || code === 95 || code === 37 || code === 43 || code === HYPHEN;
}

/**
 * The end of the domain starting at `from`, or -1 when there is none: labels of letters, digits and hyphens
 * separated by single dots, at least two labels, the last of two or more letters. A trailing dot or hyphen (the end
 * of a sentence) is not part of it.
 */
function domainEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_DOMAIN);
  let end = from;
  while (end < limit) {
    const code = text.charCodeAt(end);
    if (!isAlphanumeric(code) && code !== HYPHEN && code !== DOT) break;
    end++;
  }
  while (end > from && (text.charCodeAt(end - 1) === DOT || text.charCodeAt(end - 1) === HYPHEN)) end--;
  if (end === from || !isAlphanumeric(text.charCodeAt(from))) return -1;
  let lastDot = -1;
  for (let index = from; index < end; index++) {
    if (text.charCodeAt(index) !== DOT) continue;
    if (text.charCodeAt(index - 1) === DOT) return -1;
    lastDot = index;
  }
  if (lastDot < 0 || end - lastDot - 1 < 2) return -1;
  for (let index = lastDot + 1; index < end; index++) if (!isLetter(text.charCodeAt(index))) return -1;
  return end;
}

/** Replaces e-mail addresses with `[REDACTED:email]`. */
export function emailRule(): TextRule {
  const type = 'email';
  const replacement = placeholder(type);
  return {
    type,
    minLength: 6,
    apply(text: string, counts: RedactionCounts): string {
      let at = text.indexOf('@');
      if (at < 0) return text;
      let out = '';
      let copied = 0;
      while (at >= 0) {
        // Never back into the previous replacement; a local part longer than 64 is cut to its last 64 characters.
        const floor = Math.max(copied, at - MAX_LOCAL);
        let start = at;
        while (start > floor && isLocal(text.charCodeAt(start - 1))) start--;
        while (start < at && text.charCodeAt(start) === DOT) start++;
        const end = start < at ? domainEnd(text, at + 1) : -1;
        if (end < 0) {
          at = text.indexOf('@', at + 1);
          continue;
        }
        out += text.slice(copied, start) + replacement;
        copied = end;
        addCount(counts, type);
        at = text.indexOf('@', end);
      }
      return copied === 0 ? text : out + text.slice(copied);
    },
  };
}
