// Builds the messages a candidate prompt version sends for one replayed production input.
import { KaizenError } from '../errors/kaizen-error.js';
import type { ChatTemplateMessage, PromptContent } from '../prompts/prompt.js';
import { renderPromptMessages } from '../prompts/render-prompt-messages.js';
import { extractVariables } from '../prompts/template.js';
import type { ReplayInput } from './extract-replay-input.js';

/**
 * With recorded variables, the candidate's template is rendered with them (few-shot examples included). With only recorded messages, the
 * candidate's system messages replace the recorded ones and the conversation is kept — possible only when the
 * candidate's system part needs no variables.
 *
 * @example
 * buildReplayMessages(candidate, { kind: 'variables', variables: { html }, spanId });
 */
export function buildReplayMessages(candidate: PromptContent, input: ReplayInput): ChatTemplateMessage[] {
  const template: readonly ChatTemplateMessage[] =
    typeof candidate.template === 'string' ? [{ role: 'user', content: candidate.template }] : candidate.template;
  // Few-shot demonstrations are part of the candidate: they travel with it into every replayed call.
  if (input.kind === 'variables') return renderPromptMessages(candidate, input.variables);

  const system = template.filter((message) => message.role === 'system');
  const needed = extractVariables(system);
  if (needed.length > 0 || system.length === 0) {
    throw new KaizenError(
      'invalid_input',
      needed.length > 0
        ? `the trace recorded messages but no variables, and the candidate's system prompt needs ${needed.join(', ')}`
        : 'the trace recorded messages but no variables, and the candidate has no system prompt to replace',
    );
  }
  const conversation = input.messages
    .filter((message) => message.role === 'user' || message.role === 'assistant')
    .map((message) => ({ role: message.role as 'user' | 'assistant', content: message.content }));
  return [...system, ...conversation];
}
