// Test helper: a simple checklist for schema.org answers, computed here so the simulator never sees it.
import { extractJson } from './helpers.js';
import type { SchemaorgItem } from './load-schemaorg-items.js';

export const CHECKS = ['validJson', 'hasContext', 'specificType', 'noInventedTelephone', 'enoughProperties'] as const;
export type CheckName = (typeof CHECKS)[number];

const digits = (text: string) => text.replace(/\D/g, '');

/**
 * Pass/fail per check. Each check reads the JSON it can find, so a fenced answer fails only `validJson`.
 *
 * @example
 * checkAnswer('{"@type": "Recipe"}', item).validJson; // true
 */
export function checkAnswer(text: string, item: SchemaorgItem): Record<CheckName, boolean> {
  let validJson = true;
  try {
    JSON.parse(text);
  } catch {
    validJson = false;
  }
  const json = extractJson(text) ?? {};
  const type = json['@type'];
  const telephone = typeof json.telephone === 'string' ? digits(json.telephone) : '';
  return {
    validJson,
    hasContext: json['@context'] === 'https://schema.org',
    specificType: typeof type === 'string' && (item.main_types ?? item.types).includes(type),
    noInventedTelephone: telephone === '' || digits(item.html).includes(telephone),
    enoughProperties: Object.keys(json).filter((key) => !key.startsWith('@')).length >= 4,
  };
}

/** The share of checks an answer passes. */
export function passRate(text: string, item: SchemaorgItem): number {
  const results = Object.values(checkAnswer(text, item));
  return results.filter(Boolean).length / results.length;
}
