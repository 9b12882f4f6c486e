// Compiles a RedactionConfig once into a Redactor: text rules in order, key rules, and copy-on-write walks over values.
import { KaizenError } from '../../errors/kaizen-error.js';
import { RESERVED_ATTRIBUTE_KEYS } from '../span-attributes.js';
import { BUILTIN_DETECTORS, isCardNumber } from './builtin-detectors.js';
import { compileCustomPatterns } from './custom-patterns.js';
import { compileKeyRules, DROP, type KeyRules, MASK } from './key-rules.js';
import {
  DEFAULT_DETECTORS,
  DETECTOR_NAMES,
  DETECTOR_TYPES,
  type DetectorName,
  type RedactionConfig,
} from './redaction-config.js';
import { addCount, placeholder, type RedactionCounts, type TextRule } from './text-rule.js';

export interface Redactor {
  /** False when the config turned redaction off: callers may skip it entirely. */
  readonly enabled: boolean;
  /** The text with every match of every rule replaced; the same string when nothing matched. */
  redactText(text: string, counts: RedactionCounts): string;
  /**
   * Strings redacted, integers that are card numbers replaced, arrays and objects walked at every depth with key
   * rules applied (dropped keys removed, credential keys masked whole). Returns the same value when nothing changed.
   */
  redactValue(value: unknown, counts: RedactionCounts): unknown;
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // `__proto__` must stay a data property, never replace the copy's prototype.
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

function invalid(message: string): KaizenError {
  return new KaizenError('invalid_input', message);
}

/** Shape checks for configs written in plain JavaScript, where the types did not hold. */
function checkShape(config: RedactionConfig): void {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw invalid('redaction must be an object, e.g. { detectors: { phone: true } }');
  }
  if (config.enabled !== undefined && typeof config.enabled !== 'boolean') {
    throw invalid('redaction.enabled must be true or false');
  }
  if (config.detectors !== undefined && (typeof config.detectors !== 'object' || config.detectors === null)) {
    throw invalid(`redaction.detectors must be an object such as { phone: true }`);
  }
  if (config.patterns !== undefined && !Array.isArray(config.patterns)) {
    throw invalid('redaction.patterns must be an array of { name, pattern, flags?, replacement? }');
  }
  const dropKeys = config.attributes?.dropKeys;
  if (dropKeys !== undefined && !Array.isArray(dropKeys)) {
    throw invalid('redaction.attributes.dropKeys must be an array of attribute keys');
  }
}

function enabledDetectors(config: RedactionConfig): DetectorName[] {
  const detectors = config.detectors ?? {};
  for (const [name, on] of Object.entries(detectors)) {
    if (!(DETECTOR_NAMES as readonly string[]).includes(name)) {
      throw invalid(`redaction.detectors.${name} is not a detector: use ${DETECTOR_NAMES.join(', ')}`);
    }
    if (typeof on !== 'boolean') throw invalid(`redaction.detectors.${name} must be true or false`);
  }
  return DETECTOR_NAMES.filter((name) => detectors[name] ?? DEFAULT_DETECTORS[name]);
}

const IDENTITY: Redactor = {
  enabled: false,
  redactText: (text) => text,
  redactValue: (value) => value,
};

/**
 * Validates and compiles the config (custom patterns first, then the built-in detectors in DETECTOR_NAMES order).
 * Throws `KaizenError('invalid_input')` naming the bad field.
 *
 * @example
 * const redactor = compileRedactor({ detectors: { phone: true } });
 * const counts = {};
 * redactor.redactText('mail ada@example.com, key sk-proj-abcdefghijklmnopqrstuvwx', counts);
 * // 'mail [REDACTED:email], key [REDACTED:secret]'; counts: { secret: 1, email: 1 }
 */
export function compileRedactor(config: RedactionConfig = {}): Redactor {
  checkShape(config);
  if (config.enabled === false) return IDENTITY;
  const detectors = enabledDetectors(config);
  const custom = compileCustomPatterns(config.patterns ?? []);
  const builtins = detectors.flatMap((name) => BUILTIN_DETECTORS[name]());
  const screened = builtins.filter((rule) => rule.screen !== undefined);
  const unscreened = builtins.filter((rule) => rule.screen === undefined);
  // One case-insensitive scan tells whether any screened built-in could match; most stored strings are clean.
  const screen = screened.length > 0 ? new RegExp(screened.map((rule) => `(?:${rule.screen})`).join('|'), 'i') : null;
  const rules: TextRule[] = [...custom, ...builtins];
  const keys: KeyRules = compileKeyRules({
    maskCredentials: detectors.includes('secrets'),
    dropKeys: config.attributes?.dropKeys ?? [],
  });
  const minLength = Math.min(...rules.map((rule) => rule.minLength));
  const screenMinLength = Math.min(...screened.map((rule) => rule.minLength));
  const cards = detectors.includes('card');
  const secret = placeholder(DETECTOR_TYPES.secrets);
  const card = placeholder(DETECTOR_TYPES.card);
  // The decoders share one resource attributes object among all spans of a resource: redacted once per object, with
  // the counts it added replayed for every span that stores a copy.
  const resources = new WeakMap<object, { readonly value: unknown; readonly counts: [string, number][] }>();

  function redactResource(value: unknown, counts: RedactionCounts): unknown {
    if (typeof value !== 'object' || value === null) return redactValue(value, counts);
    let known = resources.get(value);
    if (known === undefined) {
      const own: RedactionCounts = {};
      known = { value: redactValue(value, own), counts: Object.entries(own) };
      resources.set(value, known);
    }
    for (const [type, count] of known.counts) addCount(counts, type, count);
    return known.value;
  }

  function redactText(text: string, counts: RedactionCounts): string {
    if (text.length < minLength) return text;
    let out = text;
    for (const rule of custom) out = rule.apply(out, counts);
    if (screen !== null && out.length >= screenMinLength && screen.test(out)) {
      for (const rule of screened) if (out.length >= rule.minLength) out = rule.apply(out, counts);
    }
    for (const rule of unscreened) if (out.length >= rule.minLength) out = rule.apply(out, counts);
    return out;
  }

  function redactArray(values: readonly unknown[], counts: RedactionCounts): readonly unknown[] {
    let copy: unknown[] | undefined;
    for (let index = 0; index < values.length; index++) {
      const value = values[index];
      const next = redactValue(value, counts);
      if (next !== value && copy === undefined) copy = values.slice(0, index);
      copy?.push(next);
    }
    return copy ?? values;
  }

  /** The own keys of `record` before `stop`, copied: the start of a copy-on-write. */
  function copyBefore(record: Readonly<Record<string, unknown>>, stop: string): Record<string, unknown> {
    const copy: Record<string, unknown> = {};
    for (const key in record) {
      if (key === stop) break;
      if (Object.hasOwn(record, key)) setOwn(copy, key, record[key]);
    }
    return copy;
  }

  function redactObject(record: Readonly<Record<string, unknown>>, counts: RedactionCounts): object {
    let copy: Record<string, unknown> | undefined;
    // for…in rather than Object.keys: no array per object on the hot path (attribute objects are plain data).
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      const value = record[key];
      const decision = keys.decide(key);
      let next: unknown;
      if (decision === DROP) {
        addCount(counts, 'dropped_key');
      } else if (decision === MASK && value !== secret) {
        addCount(counts, DETECTOR_TYPES.secrets);
        next = secret;
      } else if (key === RESERVED_ATTRIBUTE_KEYS.resource) {
        next = redactResource(value, counts);
      } else {
        next = redactValue(value, counts);
      }
      if (copy === undefined && (decision === DROP || next !== value)) copy = copyBefore(record, key);
      if (copy !== undefined && decision !== DROP) setOwn(copy, key, next);
    }
    return copy ?? record;
  }

  function redactValue(value: unknown, counts: RedactionCounts): unknown {
    if (typeof value === 'string') return redactText(value, counts);
    if (typeof value === 'number') {
      if (cards && isCardNumber(value)) {
        addCount(counts, DETECTOR_TYPES.card);
        return card;
      }
      return value;
    }
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return redactArray(value, counts);
    return redactObject(value as Record<string, unknown>, counts);
  }

  return { enabled: true, redactText, redactValue };
}
