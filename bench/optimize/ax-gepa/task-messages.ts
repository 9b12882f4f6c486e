// The messages the task model gets for an instruction and an item: the same rendering as Kaizen's evaluate port.
import { type ChatTemplateMessage, renderPromptMessages, renderTemplate } from '@kaizen/core';
import type { AxGepaItem } from './ax-gepa-types.js';

/** An item's template variables; a chat-message input (a replayed trace) has none and cannot fill a template. */
export function itemVariables(item: AxGepaItem): Readonly<Record<string, unknown>> {
  if (Array.isArray(item.input)) {
    throw new Error(`item ${item.itemId}: the ax GEPA adapter needs template variables, not chat messages`);
  }
  return item.input as Readonly<Record<string, unknown>>;
}

/**
 * The user message an item renders to: what ax carries as its one input field.
 * @example
 * renderUserMessage('Page:\n{{html}}', { itemId: 'p1', input: { html: '<p>Hi</p>' } }); // 'Page:\n<p>Hi</p>'
 */
export function renderUserMessage(userTemplate: string, item: AxGepaItem): string {
  return renderTemplate(userTemplate, itemVariables(item));
}

/**
 * System (when the instruction is not blank) and user message, rendered exactly as Kaizen renders a candidate
 * whose template is `[system: instruction, user: userTemplate]` with no few-shot examples.
 * @example
 * taskMessages('Answer with JSON only.', 'Page:\n{{html}}', item);
 * // [{ role: 'system', content: 'Answer with JSON only.' }, { role: 'user', content: 'Page:\n<p>Hi</p>' }]
 */
export function taskMessages(instruction: string, userTemplate: string, item: AxGepaItem): ChatTemplateMessage[] {
  const template: ChatTemplateMessage[] = [
    ...(instruction.trim() === '' ? [] : [{ role: 'system' as const, content: instruction }]),
    { role: 'user', content: userTemplate },
  ];
  return renderPromptMessages({ template, examples: [] }, itemVariables(item));
}
