// Builds the registry content of a prompt defined in code: variable names from the zod shape, output as JSON Schema.
import {
  createPromptContent,
  extractVariables,
  KaizenError,
  PROMPT_NAME_PATTERN,
  type PromptContent,
  type PromptExample,
  type PromptTool,
} from '@kaizen/core';
import type { CallParams } from '@kaizen/models';
import { z } from 'zod';
import type { ModelInput } from './model-input.js';

/**
 * What `prompt()` takes besides the name.
 *
 * @example
 * const definition: PromptDefinition<typeof Vars, undefined> = { template: 'Hi {{name}}', variables: Vars, model: 'sim:schemaorg' };
 */
export interface PromptDefinition<V extends z.ZodObject, O extends z.ZodType | undefined = undefined> {
  /** A text template or chat messages, with `{{variable}}` placeholders naming keys of `variables`. */
  readonly template: PromptContent['template'];
  /** The typed inputs: every placeholder must be a key of this object schema. */
  readonly variables: V;
  /** The typed structured output; without it `generate` returns text. */
  readonly output?: O;
  /** `provider:model` (registered with the version), or an AI SDK model object (used locally, not registered). */
  readonly model?: ModelInput;
  readonly params?: CallParams;
  /** Tools the prompt offers; their descriptions are part of the prompt and versioned with it. */
  readonly tools?: readonly PromptTool[];
  /** Few-shot demonstrations, sent as user/assistant turns before the last user message. */
  readonly examples?: readonly PromptExample[];
}

/**
 * The content `push` registers. Fails at definition time when the template uses a variable the schema lacks, so
 * a typo is a startup error rather than a production one.
 *
 * @example
 * codeContent('extractor', { template: 'Extract {{html}}', variables: z.object({ html: z.string() }) }).variables;
 * // ['html']
 */
export function codeContent<V extends z.ZodObject, O extends z.ZodType | undefined>(
  name: string,
  definition: PromptDefinition<V, O>,
): PromptContent {
  if (!PROMPT_NAME_PATTERN.test(name)) {
    throw new KaizenError('invalid_input', `prompt name "${name}" must match ${PROMPT_NAME_PATTERN}`);
  }
  const declared = Object.keys(definition.variables.shape);
  const undeclared = extractVariables(definition.template).filter((variable) => !declared.includes(variable));
  if (undeclared.length > 0) {
    throw new KaizenError(
      'invalid_input',
      `prompt "${name}" uses {{${undeclared.join('}}, {{')}}} but its variables schema has no such key`,
    );
  }
  return createPromptContent({
    template: definition.template,
    variables: declared,
    outputSchema: definition.output === undefined ? null : z.toJSONSchema(definition.output),
    model: typeof definition.model === 'string' ? definition.model : null,
    params: { ...definition.params },
    tools: definition.tools ?? [],
    examples: definition.examples ?? [],
  });
}
