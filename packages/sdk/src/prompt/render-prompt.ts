// Validates variables against the prompt's zod schema and renders content into the messages sent to the model.
import { type ChatTemplateMessage, KaizenError, type PromptContent, renderPromptMessages } from '@kaizen/core';
import type { z } from 'zod';

/**
 * The schema's output for `variables` (defaults and transforms applied); invalid input is `invalid_input` naming
 * each bad field.
 *
 * @example
 * parseVariables('extractor', z.object({ url: z.url() }), { url: 'nope' }); // throws KaizenError invalid_input
 */
export function parseVariables<V extends z.ZodObject>(name: string, schema: V, variables: unknown): z.output<V> {
  const parsed = schema.safeParse(variables);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new KaizenError('invalid_input', `prompt "${name}": invalid variables: ${problems.join('; ')}`);
}

/**
 * Chat messages for the model (core's `renderPromptMessages`): few-shot examples become user/assistant turns placed
 * before the last user message.
 *
 * @example
 * renderMessages(content, { html: '<h1>Hi</h1>' });
 * // [{ role: 'system', content: '…' }, { role: 'user', content: 'Page: <h1>Hi</h1>' }]
 */
export function renderMessages(
  content: PromptContent,
  variables: Readonly<Record<string, unknown>>,
): ChatTemplateMessage[] {
  return renderPromptMessages(content, variables);
}
