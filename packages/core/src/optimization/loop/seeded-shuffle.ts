// Seeded sampling for the loop: the same seed and labels give the same picks on every run.
import { seededRandom } from '../../statistics/seeded-random.js';

/** FNV-1a of the labels mixed into the seed. */
function mix(seed: number, labels: readonly (string | number)[]): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (const label of labels) {
    const text = `${label}\u0000`;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return hash;
}

/**
 * A shuffled copy (Fisher–Yates driven by mulberry32).
 * @example
 * seededShuffle([1, 2, 3], 7, 'minibatch', 2); // the same order every time
 */
export function seededShuffle<T>(items: readonly T[], seed: number, ...labels: (string | number)[]): T[] {
  const random = seededRandom(mix(seed, labels));
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = a;
  }
  return copy;
}
