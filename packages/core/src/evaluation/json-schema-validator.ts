// JSON Schema (draft 2020-12, with formats) compiled once into a validator that reports the first violation.

import type { ErrorObject } from 'ajv/dist/2020.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';

/** Null when the value is valid, else what is wrong (`$.age must be integer`). */
export type JsonSchemaValidator = (value: unknown) => string | null;

/** Compiles a schema; throws (with ajv's message) when the schema itself is invalid. */
export type JsonSchemaCompiler = (schema: Readonly<Record<string, unknown>> | boolean) => JsonSchemaValidator;

/** ajv's JSON pointer (`/offers/0`) as the JSON path users write (`$.offers[0]`). */
function toJsonPath(pointer: string): string {
  if (pointer === '') return '$';
  return `$${pointer
    .slice(1)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((part) =>
      /^\d+$/.test(part) ? `[${part}]` : /^[\w$@-]+$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`,
    )
    .join('')}`;
}

function describeFirstError(errors: readonly ErrorObject[] | null | undefined): string {
  const first = errors?.[0];
  if (first === undefined) return 'does not match the schema';
  return `${toJsonPath(first.instancePath)} ${first.message ?? 'does not match the schema'}`;
}

/**
 * One ajv instance per call: compile every schema of a checklist with it, once, never per item.
 * `strict: false` accepts annotation keywords ajv does not know (`example`, vendor `x-…`); the meta-schema still
 * rejects malformed schemas (`{ "type": "strng" }`).
 * @example
 * const validate = createJsonSchemaCompiler()({ type: 'object', required: ['name'] });
 * validate({}); // "$ must have required property 'name'"
 */
export function createJsonSchemaCompiler(): JsonSchemaCompiler {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  // ajv-formats is CommonJS: under Node's ESM interop the default import is module.exports, whose `default` is the plugin.
  const addFormats = formatsPlugin.default;
  addFormats(ajv);
  return (schema) => {
    const validate = ajv.compile(schema);
    return (value) => (validate(value) ? null : describeFirstError(validate.errors));
  };
}
