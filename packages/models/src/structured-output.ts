// Structured output: plain JSON Schemas made checkable for the AI SDK, and its failures turned into reportable data.
import { type FlexibleSchema, jsonSchema, type NoObjectGeneratedError } from 'ai';
import { type JsonSchema, validateJsonSchema } from './validate-json-schema.js';

export interface OutputError {
  /** `parse`: not JSON; `schema`: JSON that violates the schema; `missing`: no final text (e.g. cut off). */
  readonly kind: 'parse' | 'schema' | 'missing';
  readonly message: string;
}

function isJsonSchema(schema: JsonSchema | FlexibleSchema<unknown>): schema is JsonSchema {
  return (
    typeof schema === 'object' &&
    !('~standard' in schema) &&
    !('_def' in schema) &&
    !(Symbol.for('vercel.ai.schema') in schema)
  );
}

/**
 * The AI SDK does not validate plain JSON Schemas; this one does, so violations are reported, not passed on. Zod,
 * Standard Schema and AI SDK schemas are returned as they are.
 *
 * @example
 * generateText({ model, prompt, output: Output.object({ schema: toSchema({ type: 'object', required: ['name'] }) }) });
 */
export function toSchema(schema: JsonSchema | FlexibleSchema<unknown>): FlexibleSchema<unknown> {
  if (!isJsonSchema(schema)) return schema;
  return jsonSchema<unknown>(schema, {
    validate: (value) => {
      const problems = validateJsonSchema(schema, value);
      return problems.length === 0
        ? { success: true, value }
        : { success: false, error: new Error(`schema violations: ${problems.join('; ')}`) };
    },
  });
}

/**
 * @example
 * catch (error) { if (NoObjectGeneratedError.isInstance(error)) return { outputError: outputErrorOf(error) }; }
 */
export function outputErrorOf(error: NoObjectGeneratedError): OutputError {
  const kind = error.message.includes('could not parse') ? 'parse' : 'schema';
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return { kind, message: `${error.message}${cause}` };
}
