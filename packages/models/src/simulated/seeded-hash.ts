// Seeded, platform-independent hashing: the simulator's only source of "randomness".

/**
 * cyrb53: a fast 53-bit string hash with good avalanche. Chosen over `crypto` because it is synchronous, has no
 * `node:*` import and gives the same number on every platform, which is what byte-identical replays need.
 */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * A number in [0, 1) decided by the seed and the parts, so "random" choices replay exactly.
 *
 * @example
 * seededUnit(0, 'noise', pageHtml) < 0.08; // the same answer on every run
 */
export function seededUnit(seed: number, ...parts: readonly (string | number)[]): number {
  return cyrb53(parts.join('\u0000'), seed >>> 0) / 2 ** 53;
}

/**
 * An integer in [0, size), for picking one of `size` variants.
 *
 * @example
 * const phrasing = PHRASINGS[seededIndex(PHRASINGS.length, seed, 'prose', prompt)];
 */
export function seededIndex(size: number, seed: number, ...parts: readonly (string | number)[]): number {
  return Math.floor(seededUnit(seed, ...parts) * size);
}

/**
 * A short hexadecimal digest, for deterministic response ids.
 *
 * @example
 * hashHex('hello'); // always the same 12 hex digits
 */
export function hashHex(text: string, seed = 0): string {
  return cyrb53(text, seed).toString(16).padStart(14, '0').slice(-12);
}
