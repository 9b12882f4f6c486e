// Seeded choices for the optimizer simulator: every "random" pick is a hash of the seed, the request and a tag.
import { seededIndex, seededUnit } from '../../seeded-hash.js';

/** Picks among variants and draws chances; the same request and seed always give the same picks. */
export interface Pick {
  /** One of `options`, chosen by the tag's hash. */
  one<T>(options: readonly [T, ...T[]], ...tag: readonly (string | number)[]): T;
  /** A number in [0, 1) for the tag. */
  unit(...tag: readonly (string | number)[]): number;
}

/**
 * @example
 * const pick = seededPick(0, requestKey);
 * pick.one(['Make sure', 'Ensure that'], 'template', criterion.id);
 */
export function seededPick(seed: number, key: string): Pick {
  return {
    one: (options, ...tag) => options[seededIndex(options.length, seed, 'optimizer', key, ...tag)] ?? options[0],
    unit: (...tag) => seededUnit(seed, 'optimizer', key, ...tag),
  };
}
