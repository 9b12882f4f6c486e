// Deterministic, stratified splits of a task's items: the same ids land in the same split on every run.

/** FNV-1a over a string: a stable 32-bit order key, independent of Node's hash seeds. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A seeded pseudo-random source in [0, 1) (mulberry32), for the baselines' random choices. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Deals items into named parts of fixed sizes. Items are ordered by stratum, then by a seeded hash of their id, and
 * each goes to the part furthest behind its quota, so every part gets each stratum in proportion. Items beyond the
 * quotas' sum are not dealt.
 * @example
 * dealItems(items, (item) => item.group, 'bench', { train: 30, validation: 30, holdout: 32 });
 */
export function dealItems<T extends { readonly id: string }, K extends string>(
  items: readonly T[],
  stratum: (item: T) => string,
  seed: string,
  quotas: Readonly<Record<K, number>>,
): Record<K, T[]> {
  const names = Object.keys(quotas) as K[];
  const total = names.reduce((sum, name) => sum + quotas[name], 0);
  if (total > items.length) throw new Error(`cannot deal ${total} items out of ${items.length}`);
  const ordered = [...items].sort(
    (a, b) =>
      stratum(a).localeCompare(stratum(b)) ||
      stableHash(`${seed}:${a.id}`) - stableHash(`${seed}:${b.id}`) ||
      a.id.localeCompare(b.id),
  );
  const parts = Object.fromEntries(names.map((name) => [name, [] as T[]])) as Record<K, T[]>;
  ordered.forEach((item, index) => {
    // Dealing all N items keeps strata proportional; parts whose quota is full stop taking items.
    let best: K | undefined;
    let bestLag = Number.NEGATIVE_INFINITY;
    for (const name of names) {
      if (parts[name].length >= quotas[name]) continue;
      const lag = (quotas[name] * (index + 1)) / total - parts[name].length;
      if (lag > bestLag) {
        bestLag = lag;
        best = name;
      }
    }
    if (best !== undefined) parts[best].push(item);
  });
  return parts;
}
