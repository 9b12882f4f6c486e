// Runtime check of a PromptVersion from the wire: resolution renders what it receives, so it must be well formed.
import type { PromptVersion } from '@kaizen/core';
import { z } from 'zod';

const ChatTemplateMessage = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});

const PromptTool = z
  .object({ name: z.string(), description: z.string(), parameters: z.record(z.string(), z.unknown()).optional() })
  // Core's type has no `parameters: undefined` (exactOptionalPropertyTypes): leave the key out instead.
  .transform(({ parameters, ...tool }) => (parameters === undefined ? tool : { ...tool, parameters }));

const PromptExample = z.object({ input: z.record(z.string(), z.unknown()), output: z.string() });

/**
 * Lenient where the server may grow (unknown keys are dropped), strict on what rendering and calling need.
 *
 * @example
 * const version = PromptVersionSchema.parse(await response.json());
 */
export const PromptVersionSchema = z.object({
  name: z.string(),
  version: z.number().int().positive(),
  hash: z.string(),
  template: z.union([z.string(), z.array(ChatTemplateMessage)]),
  variables: z.array(z.string()).default([]),
  outputSchema: z.record(z.string(), z.unknown()).nullable().default(null),
  model: z.string().nullable().default(null),
  params: z.record(z.string(), z.unknown()).default({}),
  tools: z.array(PromptTool).default([]),
  examples: z.array(PromptExample).default([]),
  message: z.string().nullable().default(null),
  author: z.string().nullable().default(null),
  createdAt: z.string(),
  labels: z.array(z.string()).default([]),
});

// Fails to compile if the schema drifts from core's PromptVersion.
const _matchesCore = (value: z.infer<typeof PromptVersionSchema>): PromptVersion => value;
void _matchesCore;
