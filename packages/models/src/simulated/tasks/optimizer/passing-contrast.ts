// Compares passing and failing outputs: JSON keys every passing answer has and most failing JSON answers lack.

/** The JSON keys written in a text (`"name":`), at any depth; outputs may be cut in the middle, so no parsing. */
export function keysIn(text: string): Set<string> {
  return new Set([...text.matchAll(/"((?:[^"\\\n]|\\.){1,60})"\s*:/g)].map((match) => match[1] ?? ''));
}

const looksLikeJson = (text: string) => /^\s*(?:```(?:json)?\s*)?[{[]/.test(text) || /"[^"\n]{1,60}"\s*:/.test(text);

/**
 * Keys present in every passing output and missing from at least half of the failing outputs, among failing
 * outputs that are JSON at all (a prose answer lacks every key, which says nothing about any one of them). At most
 * `limit`, most often missing first. Needs two passing examples: one is not a pattern.
 * @example
 * keysPassingHave(['{"a":1}'], ['{"a":1,"b":2}', '{"a":3,"b":4}']); // ['b']
 */
export function keysPassingHave(failing: readonly string[], passing: readonly string[], limit = 2): string[] {
  if (passing.length < 2) return [];
  const failingJson = failing.filter(looksLikeJson);
  if (failingJson.length === 0) return [];
  const [first, ...others] = passing.map(keysIn);
  if (first === undefined) return [];
  const shared = [...first].filter((key) => others.every((keys) => keys.has(key)));
  const failingKeys = failingJson.map(keysIn);
  return shared
    .map((key) => ({ key, missing: failingKeys.filter((keys) => !keys.has(key)).length }))
    .filter((entry) => entry.missing > 0 && entry.missing >= failingJson.length / 2)
    .sort((left, right) => right.missing - left.missing || (left.key < right.key ? -1 : left.key > right.key ? 1 : 0))
    .slice(0, limit)
    .map((entry) => entry.key);
}
