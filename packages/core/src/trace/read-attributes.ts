// Tolerant readers for untrusted attribute values: they coerce what is safe and return undefined for the rest.
import type { Attributes } from './otlp-span.js';

/** A record we can read fields from, whatever its origin (attributes, parsed JSON, unflattened keys). */
export type UnknownRecord = Readonly<Record<string, unknown>>;

/** An own property only: keys such as `constructor` or `__proto__` in untrusted data must not reach the prototype. */
export function field(record: UnknownRecord, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A plain (non-array) object, or undefined. */
export function asRecord(value: unknown): UnknownRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as UnknownRecord) : undefined;
}

/** A non-empty string; a finite number (ids, versions sent as ints) becomes its decimal text. */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  return undefined;
}

/** A finite, non-negative number from a number or a decimal string (protobuf int64 arrives as a string). */
export function asNumber(value: unknown): number | undefined {
  let parsed: number | undefined;
  if (typeof value === 'number') parsed = value;
  // Number('') is 0 and Number(' 1 ') is 1: accept only a plain decimal literal.
  else if (typeof value === 'string' && /^\s*\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(value)) parsed = Number(value);
  return parsed !== undefined && Number.isFinite(parsed) && parsed >= 0 ? parsed : undefined;
}

/** Any value as text: strings as they are, everything else as JSON (so objects and arrays stay readable). */
export function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // BigInt or another value JSON cannot hold; decoded attributes never contain one, but callers pass unknowns.
    return String(value);
  }
}

/** JSON.parse that returns undefined instead of throwing: attribute strings are untrusted. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A value that may be sent structured or as a JSON string (e.g. `gen_ai.input.messages`, `metadata`). */
export function readJson(value: unknown): unknown {
  return typeof value === 'string' ? parseJson(value) : value;
}

/** The first key of `keys` whose value is non-empty text. */
export function firstText(attributes: Attributes, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const text = asText(field(attributes, key));
    if (text !== undefined) return text;
  }
  return undefined;
}

/** The first key of `keys` whose value is a usable number (see asNumber). */
export function firstNumber(attributes: Attributes, keys: readonly string[]): number | undefined {
  for (const key of keys) {
    const count = asNumber(field(attributes, key));
    if (count !== undefined) return count;
  }
  return undefined;
}

/** The first key of `keys` whose value is set at all (any type). */
export function firstPresent(attributes: Attributes, keys: readonly string[]): unknown {
  for (const key of keys) {
    const value = field(attributes, key);
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}
