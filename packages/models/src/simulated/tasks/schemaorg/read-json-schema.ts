// Reads what a JSON schema in the prompt (or the call's response format) asks the answer to contain.
import type { JsonObject, JsonValue } from './find-json-blocks.js';

export interface SchemaRequest {
  readonly fields: readonly string[];
  readonly context: boolean;
  readonly allowedTypes: readonly string[];
}

const asObject = (value: JsonValue | undefined): JsonObject | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;

/** Whether a JSON object in the prompt is a JSON schema for the answer rather than an example of one. */
export function isJsonSchema(object: JsonObject): boolean {
  return asObject(object.properties) !== undefined && object['@type'] === undefined;
}

/**
 * The properties the schema declares, whether it declares `@context`, and the `@type` enum if any.
 *
 * @example
 * readJsonSchema({ type: 'object', properties: { '@type': { enum: ['Recipe', 'Product'] }, name: {}, offers: {} } });
 * // { fields: ['name', 'offers'], context: false, allowedTypes: ['Recipe', 'Product'] }
 */
export function readJsonSchema(schema: JsonObject): SchemaRequest {
  const properties = asObject(schema.properties) ?? {};
  const typeProperty = asObject(properties['@type']);
  const typeEnum = typeProperty?.enum;
  const constant = typeProperty?.const;
  const allowedTypes = Array.isArray(typeEnum)
    ? typeEnum.filter((value): value is string => typeof value === 'string')
    : typeof constant === 'string'
      ? [constant]
      : [];
  return {
    fields: Object.keys(properties).filter((key) => !key.startsWith('@')),
    context: '@context' in properties,
    allowedTypes,
  };
}
