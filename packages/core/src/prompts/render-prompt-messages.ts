// Renders prompt content into the chat messages sent to a model, few-shot demonstrations included.
import type { ChatTemplateMessage, PromptContent, PromptExample } from './prompt.js';
import { renderTemplate } from './template.js';

/** The text a user turn of a few-shot example gets: the last user template filled with the example's input. */
function exampleUserText(template: PromptContent['template'], example: PromptExample): string {
  const userTemplate =
    typeof template === 'string' ? template : template.findLast((message) => message.role === 'user')?.content;
  if (userTemplate === undefined) return JSON.stringify(example.input);
  try {
    return renderTemplate(userTemplate, example.input);
  } catch {
    // An example recorded with other variable names still teaches by its input: show it as JSON.
    return JSON.stringify(example.input);
  }
}

/**
 * Chat messages for the model: a text template becomes one user message; few-shot examples become user/assistant
 * turns placed before the last user message. A missing variable throws `invalid_input`.
 *
 * @example
 * renderPromptMessages(content, { html: '<h1>Hi</h1>' });
 * // [{ role: 'system', content: '…' }, { role: 'user', content: 'Page: <h1>Hi</h1>' }]
 */
export function renderPromptMessages(
  content: Pick<PromptContent, 'template' | 'examples'>,
  variables: Readonly<Record<string, unknown>>,
): ChatTemplateMessage[] {
  const rendered: ChatTemplateMessage[] =
    typeof content.template === 'string'
      ? [{ role: 'user', content: renderTemplate(content.template, variables) }]
      : renderTemplate(content.template, variables);
  if (content.examples.length === 0) return rendered;
  const turns = content.examples.flatMap((example): ChatTemplateMessage[] => [
    { role: 'user', content: exampleUserText(content.template, example) },
    { role: 'assistant', content: example.output },
  ]);
  const lastUser = rendered.findLastIndex((message) => message.role === 'user');
  const at = lastUser === -1 ? rendered.length : lastUser;
  return [...rendered.slice(0, at), ...turns, ...rendered.slice(at)];
}
