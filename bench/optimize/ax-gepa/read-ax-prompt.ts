// Reads the prompts ax renders for a signature (`Field Title: value` blocks) and writes answers in its format.
import type { AxChatRequest } from '@ax-llm/ax';

type ChatRequest = Pick<AxChatRequest<unknown>, 'chatPrompt'>;
type ChatMessage = ChatRequest['chatPrompt'][number];

function textOf(message: ChatMessage | undefined): string {
  if (message === undefined || !('content' in message)) return '';
  const content = message.content;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

export function systemText(request: Readonly<ChatRequest>): string {
  return textOf(request.chatPrompt.find((message) => message.role === 'system'));
}

/** The first user message: ax's rendering of the input fields (later ones are its output-correction turns). */
export function firstUserText(request: Readonly<ChatRequest>): string {
  return textOf(request.chatPrompt.find((message) => message.role === 'user'));
}

/**
 * The instruction ax placed in its system prompt (`<task_definition>`), '' when it rendered none.
 * @example
 * readTaskDefinition('…<task_definition>\nAnswer with JSON only.\n</task_definition>…'); // 'Answer with JSON only.'
 */
export function readTaskDefinition(system: string): string {
  const match = /<task_definition>\n?([\s\S]*?)\n?<\/task_definition>/.exec(system);
  return match?.[1] ?? '';
}

function titlesAfter(system: string, lead: RegExp): string[] {
  const line = lead.exec(system)?.[1] ?? '';
  return [...line.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
}

/** Input field titles in signature order, from ax's `<identity>` line. */
export function inputTitles(system: string): string[] {
  return titlesAfter(system, /provided with the following fields: ([^\n]*?)\. Your task/);
}

/** Output field titles, from the same line. */
export function outputTitles(system: string): string[] {
  return titlesAfter(system, /Your task is to generate new fields: ([^\n]*)/);
}

/**
 * The input fields' values from ax's user message. Fields come in signature order as `Title: value` separated by a
 * blank line; optional fields left out are simply absent. A value holding a blank line followed by a later field's
 * title would be cut there — ax's own parser has the same ambiguity.
 * @example
 * readInputFields('Current Value: Be brief.\n\nMinibatch: []\n', ['Current Value', 'Feedback Summary', 'Minibatch']);
 * // { 'Current Value': 'Be brief.', Minibatch: '[]' }
 */
export function readInputFields(user: string, titles: readonly string[]): Record<string, string> {
  const found: { title: string; start: number; valueStart: number }[] = [];
  let cursor = 0;
  for (const title of titles) {
    const header = `${title}: `;
    let start: number;
    if (found.length === 0 && user.startsWith(header)) {
      start = 0;
    } else {
      const at = user.indexOf(`\n\n${header}`, cursor);
      if (at < 0) continue;
      start = at + 2;
    }
    found.push({ title, start, valueStart: start + header.length });
    cursor = start + header.length;
  }
  const fields: Record<string, string> = {};
  found.forEach((field, index) => {
    const end = found[index + 1]?.start ?? user.length;
    fields[field.title] = user.slice(field.valueStart, end).trim();
  });
  return fields;
}

/**
 * An answer to a one-output signature in ax's line format; the value runs to the end, newlines included.
 * @example
 * answerText('New Value', 'Answer with JSON only.'); // 'New Value: Answer with JSON only.'
 */
export function answerText(title: string, value: string): string {
  return `${title}: ${value}`;
}
