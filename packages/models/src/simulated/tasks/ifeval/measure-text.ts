// Counts the simulator checks its own draft against while it sizes the answer (its own rough counts, not IFEval's).

/**
 * Runs of letters, digits and `_`, as Python's `\w+`.
 * @example
 * countWords("It's 2 o'clock."); // 5
 */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}_]+/gu)?.length ?? 0;
}

/**
 * Sentence ends (. ! ? before a space, a closing quote or the end), plus unfinished trailing text. Headings and
 * titles without a period run into the next sentence, as they do for a sentence splitter.
 * @example
 * countSentences('<<Title>>\nOne. Two! P.S. Three'); // 4
 */
export function countSentences(text: string): number {
  const ends = [...text.matchAll(/[.!?]+(?=["'”’)\]*]*(?:\s|$))/g)];
  const last = ends.at(-1);
  const rest = last === undefined ? text : text.slice(last.index + last[0].length);
  return ends.length + (/\p{L}/u.test(rest) ? 1 : 0);
}

/**
 * Words in ALL CAPS (at least one capital, no lowercase letter), "P.S." included.
 * @example
 * countCapitalWords('A VERY good DAY, said I.'); // 4
 */
export function countCapitalWords(text: string): number {
  const tokens = text.match(/[\p{L}\p{N}][\p{L}\p{N}.'-]*/gu) ?? [];
  return tokens.filter((token) => /\p{Lu}/u.test(token) && !/\p{Ll}/u.test(token)).length;
}

/**
 * Occurrences of one character, case-insensitively.
 * @example
 * countLetter('Quick quiz', 'q'); // 2
 */
export function countLetter(text: string, letter: string): number {
  let total = 0;
  for (const character of text.toLowerCase()) if (character === letter) total += 1;
  return total;
}
