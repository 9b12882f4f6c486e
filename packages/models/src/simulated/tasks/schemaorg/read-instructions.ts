// Reads what a prompt asks of the schemaorg task: each instruction through its family of phrasings.
import type { JSONSchema7 } from '@ai-sdk/provider';
import { detectInstruction } from '../../instructions/detect-instruction.js';
import { isJsonLdExample } from './example-shapes.js';
import type { JsonObject } from './find-json-blocks.js';
import {
  COMPLETE_PROPERTIES,
  GROUNDED_ONLY,
  INCLUDE_CONTEXT,
  JSON_ONLY,
  SPECIFIC_TYPE,
} from './instruction-families.js';
import type { LocatedPrompt } from './locate-page.js';
import { readFieldList, readTypeList } from './prompt-lists.js';
import { isJsonSchema, readJsonSchema } from './read-json-schema.js';

/** What the prompt asks for. Each key is one instruction the long-prompt rule may drop. */
export interface SchemaorgInstructions {
  readonly jsonOnly: boolean;
  readonly specificType: boolean;
  readonly allowedTypes: readonly string[];
  readonly forbiddenTypes: readonly string[];
  readonly includeContext: boolean;
  readonly groundedOnly: boolean;
  readonly completeProperties: boolean;
  /** Properties to fill, from a list in the prompt or a JSON schema. */
  readonly fields: readonly string[];
  readonly excludedFields: readonly string[];
  /** Few-shot JSON-LD examples. */
  readonly examples: readonly JsonObject[];
}

export type InstructionName = keyof SchemaorgInstructions;

/** A prompt that asks for nothing: what a dropped instruction reverts to. */
export const NO_INSTRUCTIONS: SchemaorgInstructions = {
  jsonOnly: false,
  specificType: false,
  allowedTypes: [],
  forbiddenTypes: [],
  includeContext: false,
  groundedOnly: false,
  completeProperties: false,
  fields: [],
  excludedFields: [],
  examples: [],
};

export const INSTRUCTION_NAMES = Object.keys(NO_INSTRUCTIONS) as InstructionName[];

/** Whether the prompt gave this instruction at all (a flag set, or a non-empty list). */
export function isGiven(instructions: SchemaorgInstructions, name: InstructionName): boolean {
  const value = instructions[name];
  return Array.isArray(value) ? value.length > 0 : value === true;
}

/**
 * The instructions as if the prompt had not given `name`.
 *
 * @example
 * withoutInstruction(instructions, 'jsonOnly').jsonOnly; // false
 */
export function withoutInstruction<K extends InstructionName>(
  instructions: SchemaorgInstructions,
  name: K,
): SchemaorgInstructions {
  const copy: { -readonly [P in InstructionName]: SchemaorgInstructions[P] } = { ...instructions };
  copy[name] = NO_INSTRUCTIONS[name];
  return copy;
}

/**
 * @example
 * readInstructions(locatePage(messages)).jsonOnly; // true for "Respond with raw JSON, no markdown."
 */
export function readInstructions(prompt: LocatedPrompt): SchemaorgInstructions {
  const text = prompt.instructionText;
  const examples = prompt.jsonObjects.filter(isJsonLdExample);
  const schemas = prompt.jsonObjects.filter(isJsonSchema).map(readJsonSchema);
  const typeList = readTypeList(text);
  const fieldList = readFieldList(text);
  return {
    jsonOnly: detectInstruction(text, JSON_ONLY),
    specificType: detectInstruction(text, SPECIFIC_TYPE),
    allowedTypes: [...typeList.wanted, ...schemas.flatMap((schema) => schema.allowedTypes)],
    forbiddenTypes: typeList.unwanted,
    // A model copies what it is shown: an example or schema carrying @context asks for it as clearly as words do.
    includeContext:
      detectInstruction(text, INCLUDE_CONTEXT) ||
      examples.some((example) => '@context' in example) ||
      schemas.some((schema) => schema.context),
    groundedOnly: detectInstruction(text, GROUNDED_ONLY),
    completeProperties: detectInstruction(text, COMPLETE_PROPERTIES),
    fields: [...fieldList.wanted, ...schemas.flatMap((schema) => schema.fields)],
    excludedFields: fieldList.unwanted,
    // A schema that declares `offers` as an object shows the nesting as clearly as an example does.
    examples: [...examples, ...schemas.flatMap((schema) => (schema.shape === undefined ? [] : [schema.shape]))],
  };
}

/**
 * The instructions plus what the call's API settings ask for, which no prompt length can make the model forget:
 * JSON mode means JSON only, and its schema lists the fields (and may declare @context, @type or nesting).
 *
 * @example
 * withApiInstructions(NO_INSTRUCTIONS, { type: 'json' }).jsonOnly; // true
 */
export function withApiInstructions(
  instructions: SchemaorgInstructions,
  format: { type: 'text' } | { type: 'json'; schema?: JSONSchema7 } | undefined,
): SchemaorgInstructions {
  if (format?.type !== 'json') return instructions;
  // JSONSchema7 is a JSON object by definition; its TypeScript type is just wider than JsonObject.
  const schema = format.schema === undefined ? undefined : readJsonSchema(format.schema as unknown as JsonObject);
  if (schema === undefined) return { ...instructions, jsonOnly: true };
  return {
    ...instructions,
    jsonOnly: true,
    fields: schema.fields.length > 0 ? schema.fields : instructions.fields,
    allowedTypes: schema.allowedTypes.length > 0 ? schema.allowedTypes : instructions.allowedTypes,
    includeContext: instructions.includeContext || schema.context,
    examples: schema.shape === undefined ? instructions.examples : [...instructions.examples, schema.shape],
  };
}
