// Reads how few-shot examples shape their properties: which ones nest as typed objects, and as which type.
import type { JsonObject, JsonValue } from './find-json-blocks.js';

/** How a property is written: nested as an object (of `type` when the example names one), or flat. */
export interface PropertyShape {
  readonly nested: boolean;
  readonly type: string | undefined;
}

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function typeOf(value: JsonValue | undefined): string | undefined {
  const type = isObject(value) ? value['@type'] : undefined;
  return typeof type === 'string' ? type : undefined;
}

function collect(object: JsonObject, shapes: Map<string, PropertyShape>): void {
  for (const [key, value] of Object.entries(object)) {
    if (key.startsWith('@') && key !== '@graph') continue;
    const first = Array.isArray(value) ? value[0] : value;
    // An object without @type still shows nesting ("author": {"name": …}); the field's default type fills in.
    if (key !== '@graph' && !shapes.has(key)) shapes.set(key, { nested: isObject(first), type: typeOf(first) });
    for (const item of Array.isArray(value) ? value : [value]) if (isObject(item)) collect(item, shapes);
  }
}

/**
 * Property → shape, from every example (the first example to use a property decides).
 *
 * @example
 * exampleShapes([{ '@type': 'Product', offers: { '@type': 'Offer', price: '9.99' } }]).get('offers');
 * // { nested: true, type: 'Offer' }
 */
export function exampleShapes(examples: readonly JsonObject[]): Map<string, PropertyShape> {
  const shapes = new Map<string, PropertyShape>();
  for (const example of examples) collect(example, shapes);
  return shapes;
}

/** Whether a JSON object in the prompt is a JSON-LD example (it has an `@type` at the top or in `@graph`). */
export function isJsonLdExample(object: JsonObject): boolean {
  const graph = object['@graph'];
  return typeOf(object) !== undefined || (Array.isArray(graph) && graph.some((node) => typeOf(node) !== undefined));
}
