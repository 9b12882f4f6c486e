// Splits instruction text into clauses, the unit within which a negation applies.

/**
 * Fixed double negatives rewritten to their positive meaning first, so "don't forget to add @context" is not read
 * as a negated request.
 */
const DOUBLE_NEGATIVES: readonly (readonly [RegExp, string])[] = [
  [/\b(?:do not|don't|dont|never) forget (?:to )?/gi, 'remember to '],
  [/\b(?:do not|don't|dont|never) fail to /gi, 'be sure to '],
  [/\b(?:do not|don't|dont|never) (?:omit|skip|leave out|drop|remove)\b/gi, 'keep'],
  [/\bnot only\b/gi, 'also'],
];

/**
 * Clause boundaries: sentence ends and colons followed by a space (so "schema.org", "JSON.parse" and
 * "https://schema.org" survive), semicolons, commas, line breaks and a contrastive "but"/"however" ("don't explain, just return JSON" is
 * two clauses with opposite polarity).
 */
const CLAUSE_BREAK = /[.!?:](?=\s|$)|[;,\n]|\s(?:but|however)\s/i;

/**
 * @example
 * splitClauses("Don't explain, just return JSON."); // ["don't explain", 'just return json']
 */
export function splitClauses(text: string): string[] {
  let normalized = text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
  for (const [pattern, replacement] of DOUBLE_NEGATIVES) normalized = normalized.replace(pattern, replacement);
  return normalized
    .split(new RegExp(CLAUSE_BREAK.source, 'gi'))
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0);
}
