// Reads what a JSON schema in the prompt (or the call's response format) asks the answer to contain.
import type { JsonObject, JsonValue } from './find-json-blocks.js';

export interface SchemaRequest {
  readonly fields: readonly string[];
  readonly context: boolean;
  readonly allowedTypes: readonly string[];
  /** The schema's object-valued properties as an example shape (`{ offers: {} }`), for the nesting rule. */
  readonly shape: JsonObject | undefined;
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
 * // { fields: ['name', 'offers'], context: false, allowedTypes: ['Recipe', 'Product'], shape: undefined }
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
  const shape: JsonObject = {};
  for (const [key, value] of Object.entries(properties)) {
    const property = asObject(value);
    const items = asObject(property?.items);
    const nested =
      property?.type === 'object' || asObject(property?.properties) !== undefined || items?.type === 'object';
    const nestedType = asObject(asObject(property?.properties ?? items?.properties)?.['@type'])?.const;
    if (nested && !key.startsWith('@')) shape[key] = typeof nestedType === 'string' ? { '@type': nestedType } : {};
  }
  return {
    fields: Object.keys(properties).filter((key) => !key.startsWith('@')),
    context: '@context' in properties,
    allowedTypes,
    shape: Object.keys(shape).length > 0 ? shape : undefined,
  };
}
