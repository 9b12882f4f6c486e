// `prompt()`: a prompt defined in code, with typed variables and output, that can push, resolve, render and generate.
import type { ChatTemplateMessage, PromptContent } from '@kaizen/core';
import type { z } from 'zod';
import type { KaizenApi } from '../api/create-kaizen-api.js';
import type { PushVersionResult } from '../api/prompt-api-types.js';
import { codeContent, type PromptDefinition } from './code-content.js';
import { generatePrompt } from './generate-prompt.js';
import type { GenerateOptions, GenerateResult, SafeGenerateResult } from './generate-types.js';
import type { PromptClient, ResolveClient } from './prompt-client.js';
import { hashPromptContent } from './prompt-hash.js';
import { parseVariables, renderMessages } from './render-prompt.js';
import { type ResolvedPrompt, resolvePrompt } from './resolve-prompt.js';

/**
 * The output type of a prompt: its schema's output, or text without one.
 *
 * @example
 * type Extracted = PromptOutput<typeof extractor.definition.output>;
 */
export type PromptOutput<O> = O extends z.ZodType ? z.output<O> : string;

/**
 * @example
 * await extractor.push(client, { message: 'ask for the most specific @type', author: 'ana' });
 */
export interface PushOptions {
  /** Why this version exists, like a commit message. */
  readonly message?: string;
  readonly author?: string;
}

/**
 * A prompt defined in code (see `prompt()`).
 *
 * @example
 * const resolved = await extractor.resolve(client); // { source: 'server', version: 4, content, hash }
 * const messages = extractor.render({ html, url }); // the code's template, filled
 */
export interface Prompt<V extends z.ZodObject, O extends z.ZodType | undefined> {
  readonly name: string;
  readonly definition: PromptDefinition<V, O>;
  /** The content `push` registers (variables, JSON Schema of the output, model, params …). */
  readonly content: PromptContent;
  /** sha256 of the canonical content, as the registry computes it. */
  hash(): Promise<string>;
  /**
   * Registers the code's content as a version; content identical to any existing version (same hash) returns that
   * version with `created: false`. The answer carries the full version; its number names code fallbacks.
   */
  push(
    client: { readonly api: KaizenApi; readonly promptCache?: ResolveClient['promptCache'] },
    options?: PushOptions,
  ): Promise<PushVersionResult>;
  /** The version labelled for the client's environment; never throws (falls back to cache, then code). */
  resolve(client: ResolveClient): Promise<ResolvedPrompt>;
  /** Validates variables (`invalid_input` when wrong) and renders the code's content, or `content` when given. */
  render(variables: z.input<V>, content?: PromptContent): ChatTemplateMessage[];
  /** Resolves, renders and calls the model in a traced span; throws PromptOutputError for invalid output. */
  generate(
    client: PromptClient,
    variables: z.input<V>,
    options?: GenerateOptions,
  ): Promise<GenerateResult<PromptOutput<O>>>;
  /** As `generate`, but invalid structured output comes back as `{ success: false, error }`. */
  safeGenerate(
    client: PromptClient,
    variables: z.input<V>,
    options?: GenerateOptions,
  ): Promise<SafeGenerateResult<PromptOutput<O>>>;
}

/**
 * Defines a prompt in code. The code is the source of the first version and the fallback of every later one:
 * `push` registers it, `generate` runs whatever version the environment's label points at.
 *
 * @example
 * const extractor = prompt('schemaorg-extractor', {
 *   template: [
 *     { role: 'system', content: 'Answer with JSON-LD only.' },
 *     { role: 'user', content: 'URL: {{url}}\n\n{{html}}' },
 *   ],
 *   variables: z.object({ html: z.string(), url: z.string() }),
 *   output: z.looseObject({ '@type': z.string() }),
 *   model: 'openai:gpt-4o-mini',
 *   params: { temperature: 0 },
 * });
 * const { version, created } = await extractor.push(client, { message: 'first version' }); // version.version: 1
 * const { output } = await extractor.generate(client, { html, url }); // output['@type'] is a string
 */
export function prompt<V extends z.ZodObject, O extends z.ZodType | undefined = undefined>(
  name: string,
  definition: PromptDefinition<V, O>,
): Prompt<V, O> {
  const content = codeContent(name, definition);
  let hashed: Promise<string> | undefined;
  const hash = () => {
    hashed ??= hashPromptContent(content);
    return hashed;
  };
  const runnable = { name, content, hash, output: definition.output, model: definition.model };

  async function safeGenerate(client: PromptClient, variables: z.input<V>, options: GenerateOptions = {}) {
    const parsed = parseVariables(name, definition.variables, variables);
    return generatePrompt<PromptOutput<O>>(client, runnable, parsed, options);
  }

  return {
    name,
    definition,
    content,
    hash,
    async push(client, options = {}) {
      const result = await client.api.prompts.pushVersion(name, { ...content, ...options });
      client.promptCache?.rememberPushed(name, await hash(), result.version.version);
      return result;
    },
    resolve: (client) => resolvePrompt(client, runnable),
    render: (variables, rendered = content) =>
      renderMessages(rendered, parseVariables(name, definition.variables, variables)),
    safeGenerate,
    async generate(client, variables, options) {
      const result = await safeGenerate(client, variables, options);
      if (!result.success) throw result.error;
      const { success: _success, ...generated } = result;
      return generated;
    },
  };
}
