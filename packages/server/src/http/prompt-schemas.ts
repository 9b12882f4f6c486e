// Request schemas of the prompt registry API (docs/api/prompts.md): validated at the edge, plain types inside.
import { LABEL_PATTERN, PROMPT_NAME_PATTERN } from '@kaizen/core';
import { parseModelSpec } from '@kaizen/models';
import { z } from 'zod';

const JsonObject = z.record(z.string(), z.unknown());

const ModelSpec = z.string().superRefine((value, context) => {
  try {
    parseModelSpec(value);
  } catch (error) {
    context.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

export const PromptVersionBody = z.strictObject({
  template: z.union([
    z.string().min(1, 'must not be empty'),
    z
      .array(z.strictObject({ role: z.enum(['system', 'user', 'assistant']), content: z.string() }))
      .min(1, 'needs at least one message'),
  ]),
  variables: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]*$/, 'must be an identifier')).optional(),
  outputSchema: JsonObject.nullable().optional(),
  model: ModelSpec.nullable().optional(),
  params: JsonObject.optional(),
  tools: z
    .array(z.strictObject({ name: z.string().min(1), description: z.string(), parameters: JsonObject.optional() }))
    .optional(),
  examples: z.array(z.strictObject({ input: JsonObject, output: z.string() })).optional(),
  message: z.string().max(2000).nullable().optional(),
  author: z.string().max(200).nullable().optional(),
});
export type PromptVersionBody = z.infer<typeof PromptVersionBody>;

export const SetLabelBody = z.strictObject({
  version: z.number().int().positive(),
  actor: z.string().max(200).nullable().optional(),
});

export const RollbackBody = z.strictObject({ actor: z.string().max(200).nullable().optional() });

export const PromptName = z.string().regex(PROMPT_NAME_PATTERN, 'prompt names are letters, digits, ".", "_" and "-"');
export const Label = z.string().regex(LABEL_PATTERN, 'labels are lowercase letters, digits, ".", "_" and "-"');
export const VersionNumber = z.coerce.number().int().positive();
