// sha256 of canonical JSON, for cache keys and checklist identities: equal content, equal hash, on any machine.
import { type Checklist, canonicalJson } from '@kaizen/core';

/** Functions (custom checks) hash by their source; RegExps by their text; everything else as canonical JSON. */
function hashable(value: unknown): unknown {
  if (typeof value === 'function') return `function:${value.toString()}`;
  if (value instanceof RegExp) return `regexp:${value.toString()}`;
  if (Array.isArray(value)) return value.map(hashable);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, hashable(item)]));
  }
  return value;
}

/**
 * @example
 * await sha256Json({ b: 1, a: 2 }) === await sha256Json({ a: 2, b: 1 }); // true
 */
export async function sha256Json(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(hashable(value)));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The identity of a checklist definition (custom checks by their source), stored with each experiment so runs made
 * with the same checklist can be found and compared.
 *
 * @example
 * const hash = await checklistHash(config.evaluators.extractor);
 * const { items } = await api.experiments.list({ checklistHash: hash, status: 'completed' });
 */
export function checklistHash(checklist: Checklist): Promise<string> {
  return sha256Json(checklist);
}
