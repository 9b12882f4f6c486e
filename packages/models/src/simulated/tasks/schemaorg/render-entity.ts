// Writes the answer's JSON-LD object from its type and fields, nesting each field as the shapes say.
import type { EntityField } from './entity-field.js';
import type { PropertyShape } from './example-shapes.js';
import type { JsonObject } from './find-json-blocks.js';

export interface EntityPlan {
  readonly type: string;
  readonly context: boolean;
  readonly fields: readonly EntityField[];
  /** Property → shape; properties without a shape use `defaultNested`. */
  readonly shapes: ReadonlyMap<string, PropertyShape>;
  readonly defaultNested: boolean;
}

/**
 * @example
 * renderEntity({ type: 'Recipe', context: true, fields, shapes: new Map(), defaultNested: false });
 * // { '@context': 'https://schema.org', '@type': 'Recipe', name: …, author: 'John Smith', … }
 */
export function renderEntity(plan: EntityPlan): JsonObject {
  const entity: JsonObject = plan.context
    ? { '@context': 'https://schema.org', '@type': plan.type }
    : { '@type': plan.type };
  for (const field of plan.fields) {
    const shape = plan.shapes.get(field.property);
    const nested = shape?.nested ?? plan.defaultNested;
    if (nested && field.nested !== undefined) {
      const { type, value } = field.nested;
      entity[field.property] = Array.isArray(value)
        ? value
        : typeof value === 'object' && value !== null
          ? { '@type': shape?.type ?? type, ...value }
          : value;
    } else {
      Object.assign(entity, field.flat);
    }
  }
  return entity;
}
