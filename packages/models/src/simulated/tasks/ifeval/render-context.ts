// What rendering an answer needs besides the plan: the seed, the prompt's key and topic, and the size knobs.
import { seededIndex } from '../../seeded-hash.js';
import type { ResponsePlan } from './response-plan.js';
import type { WordFilter } from './word-filter.js';

export interface RenderContext {
  readonly seed: number;
  /** A digest of the prompt: different prompts get different sentences. */
  readonly key: string;
  readonly topic: readonly string[];
  readonly filter: WordFilter;
}

/** The sizes the fitting loop searches: body sentences, clauses per sentence, ALL-CAPS words for emphasis. */
export interface Knobs {
  readonly sentences: number;
  readonly clauses: number;
  readonly emphasis: number;
}

/**
 * The filter a plan implies: avoided letters, substrings and words, favoured letters.
 * @example
 * planFilter(plan).avoidLetters; // ['e'] for "without using the letter e"
 */
export function planFilter(plan: ResponsePlan): WordFilter {
  return {
    avoidLetters: [...plan.avoidLetters],
    avoidSubstrings: [...plan.avoidSubstrings],
    avoidWords: [...plan.avoidWords],
    preferLetters: [...plan.preferLetters].filter((letter) => !plan.avoidLetters.has(letter)),
  };
}

/**
 * An entry of `pool` chosen by the seed, or undefined for an empty pool.
 * @example
 * choose(['a', 'b'], 0, 'key', 'slot'); // 'a' or 'b', the same on every run
 */
export function choose<T>(pool: readonly T[], seed: number, ...parts: string[]): T | undefined {
  return pool.length === 0 ? undefined : pool[seededIndex(pool.length, seed, ...parts)];
}
