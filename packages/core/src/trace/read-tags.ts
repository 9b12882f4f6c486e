// Reads the tags a span was labelled with, from whichever convention set them.
import type { Attributes } from './otlp-span.js';
import { asText, field, readJson } from './read-attributes.js';

/** Langfuse's key, the AI SDK metadata key, OpenLLMetry's association property, OpenInference's `tag.tags`. */
const TAG_KEYS = [
  'langfuse.trace.tags',
  'ai.telemetry.metadata.tags',
  'traceloop.association.properties.tags',
  'tag.tags',
] as const;

/**
 * Distinct tags from the first key that has any. Accepts an array or a JSON string of one (OpenInference sends
 * `tag.tags` as a string); a plain non-JSON string is one tag. The Span model has no tags field yet: this is for the
 * code that will index them.
 *
 * @example
 * readTags({ 'tag.tags': '["beta","checkout"]' }); // ['beta', 'checkout']
 */
export function readTags(attributes: Attributes): string[] {
  for (const key of TAG_KEYS) {
    const raw = field(attributes, key);
    const parsed = readJson(raw) ?? raw;
    const list = Array.isArray(parsed) ? parsed : [parsed];
    const tags = [...new Set(list.map(asText).filter((tag): tag is string => tag !== undefined))];
    if (tags.length > 0) return tags;
  }
  return [];
}
