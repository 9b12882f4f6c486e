// What the simulator must not write (letters, substrings, whole words) and which letters it should favour.

export interface WordFilter {
  /** Letters (lowercase) no word may contain: "the letter e less than 1 time". */
  readonly avoidLetters: readonly string[];
  /** Substrings (lowercase) no word may contain: a keyword to use less often, a keyword left out on purpose. */
  readonly avoidSubstrings: readonly string[];
  /** Whole words (lowercase) never written: forbidden words. */
  readonly avoidWords: readonly string[];
  /** Letters to favour when choosing words: "the letter q at least 5 times". */
  readonly preferLetters: readonly string[];
}

/** Nothing avoided, nothing favoured. */
export const NO_FILTER: WordFilter = { avoidLetters: [], avoidSubstrings: [], avoidWords: [], preferLetters: [] };

/**
 * Whether a word or phrase may be written under the filter.
 * @example
 * allows({ ...NO_FILTER, avoidLetters: ['e'] }, 'the plan'); // false
 */
export function allows(filter: WordFilter, phrase: string): boolean {
  const lower = phrase.toLowerCase();
  if (filter.avoidLetters.some((letter) => lower.includes(letter))) return false;
  if (filter.avoidSubstrings.some((part) => lower.includes(part))) return false;
  const words = lower.split(/[^\p{L}\p{N}_]+/u);
  return !filter.avoidWords.some((word) => words.includes(word) || (word.includes(' ') && lower.includes(word)));
}

/**
 * The allowed entries of a pool, favouring entries with a preferred letter when there are any.
 * @example
 * allowedPool({ ...NO_FILTER, preferLetters: ['q'] }, ['plan', 'quest']); // ['quest']
 */
export function allowedPool(filter: WordFilter, pool: readonly string[]): readonly string[] {
  const allowed = pool.filter((entry) => allows(filter, entry));
  const preferred = allowed.filter((entry) =>
    filter.preferLetters.some((letter) => entry.toLowerCase().includes(letter)),
  );
  return preferred.length > 0 ? preferred : allowed;
}
