// One property of the answer, in both the flat form a naive answer writes and the nested form schema.org wants.
import type { JsonObject, JsonValue } from './find-json-blocks.js';

export interface EntityField {
  readonly property: string;
  /** Other names a prompt may use for this property ("title" for a name). */
  readonly aliases: readonly string[];
  /** Written when the property is not nested: spread into the entity (`price`, `priceCurrency` for offers). */
  readonly flat: JsonObject;
  /** The nested object (without `@type`) and its default type, when the property can nest. */
  readonly nested: { readonly type: string; readonly value: JsonValue } | undefined;
}

/** Drops undefined and empty values, so fields never carry holes. */
export function compact(entries: Record<string, JsonValue | undefined>): JsonObject {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(entries)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    result[key] = value;
  }
  return result;
}

/**
 * A property with a plain value, or nothing when the page lacks it.
 *
 * @example
 * plainField('sku', '12222651'); // { property: 'sku', aliases: [], flat: { sku: '12222651' }, nested: undefined }
 */
export function plainField(
  property: string,
  value: JsonValue | undefined,
  aliases: readonly string[] = [],
): EntityField[] {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return [];
  return [{ property, aliases, flat: { [property]: value }, nested: undefined }];
}

/**
 * A property that nests as a typed object, written flat as `flat` otherwise.
 *
 * @example
 * nestedField('author', 'Person', { name: 'John Smith' }, { author: 'John Smith' });
 */
export function nestedField(property: string, type: string, nested: JsonObject, flat: JsonObject): EntityField[] {
  if (Object.keys(nested).length === 0 || Object.keys(flat).length === 0) return [];
  return [{ property, aliases: [], flat, nested: { type, value: nested } }];
}

/**
 * A list of things that nest as typed objects (steps, actors), written as plain strings otherwise.
 *
 * @example
 * listField('recipeInstructions', 'HowToStep', 'text', ['Preheat the oven.', 'Bake.']);
 */
export function listField(property: string, type: string, key: string, items: readonly string[]): EntityField[] {
  if (items.length === 0) return [];
  const nested = items.map((item): JsonValue => ({ '@type': type, [key]: item }));
  return [{ property, aliases: [], flat: { [property]: [...items] }, nested: { type, value: nested } }];
}

/**
 * Whether a prompt naming `names` asks for this field: by its property, an alias, or a key of its flat form
 * ("price" asks for offers).
 *
 * @example
 * fieldMatches(offers, ['price']); // true
 */
export function fieldMatches(field: EntityField, names: readonly string[]): boolean {
  return (
    names.includes(field.property) ||
    field.aliases.some((alias) => names.includes(alias)) ||
    Object.keys(field.flat).some((key) => names.includes(key))
  );
}
