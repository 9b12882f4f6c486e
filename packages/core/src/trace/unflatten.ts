// Rebuilds nested values from flattened dotted keys (`gen_ai.prompt.0.role`, `llm.input_messages.1.message.content`).
import type { Attributes } from './otlp-span.js';

type Node = Record<string, unknown>;

function newNode(): Node {
  // No prototype: untrusted key segments such as `__proto__` become plain own properties.
  return Object.create(null) as Node;
}

/** Turns objects whose keys are all array indices into arrays ordered by index (gaps are dropped). */
function toArrays(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const node = value as Node;
  const keys = Object.keys(node);
  for (const key of keys) node[key] = toArrays(node[key]);
  if (keys.length === 0 || !keys.every((key) => /^\d+$/.test(key))) return node;
  return keys
    .map(Number)
    .sort((a, b) => a - b)
    .map((index) => node[String(index)]);
}

/**
 * The value spelt by every key under `prefix.`, or undefined when there is none. Numeric segments become array
 * indices. A key that is both a leaf and a parent (`a.b` and `a.b.c`) keeps the first one seen. `usedKeys`, when
 * given, receives the keys whose values are in the result.
 *
 * @example
 * unflatten({ 'gen_ai.prompt.0.role': 'user', 'gen_ai.prompt.0.content': 'Hi' }, 'gen_ai.prompt');
 * // [{ role: 'user', content: 'Hi' }]
 */
export function unflatten(attributes: Attributes, prefix: string, usedKeys?: string[]): unknown {
  const start = `${prefix}.`;
  const root = newNode();
  let found = false;
  for (const key of Object.keys(attributes)) {
    if (!key.startsWith(start)) continue;
    const segments = key.slice(start.length).split('.');
    let node = root;
    let blocked = false;
    for (const segment of segments.slice(0, -1)) {
      const next = node[segment];
      if (next === undefined) {
        const child = newNode();
        node[segment] = child;
        node = child;
      } else if (typeof next === 'object' && next !== null && !Array.isArray(next)) {
        node = next as Node;
      } else {
        blocked = true;
        break;
      }
    }
    const leaf = segments[segments.length - 1];
    if (blocked || leaf === undefined || node[leaf] !== undefined) continue;
    node[leaf] = attributes[key];
    usedKeys?.push(key);
    found = true;
  }
  return found ? toArrays(root) : undefined;
}
