// What an edit operator returns: a new prompt content plus the edit that produced it. Pure helpers shared by the operators.
import type { ChatTemplateMessage, PromptContent } from '../../prompts/prompt.js';

/** The part of a prompt an edit changes. */
export type EditPart = 'system' | 'user' | 'tools' | 'examples';

export interface PromptEdit {
  readonly part: EditPart;
  /** The operator that produced the edit, e.g. `criterion-to-instruction`. */
  readonly operator: string;
  /** For people: what changed and why. */
  readonly description: string;
  /** The root cause (`RootCause.id`) the edit aims at, when there is one. */
  readonly causeId?: string;
  /** For a merge: the two edits it combines. */
  readonly mergedFrom?: readonly [PromptEdit, PromptEdit];
}

/** A candidate prompt: never shares mutable state with its parent (content objects are frozen-by-convention copies). */
export interface PromptCandidate {
  readonly content: PromptContent;
  readonly edit: PromptEdit;
}

/** Options common to the operators. */
export interface OperatorOptions {
  /** Recorded on the edit. */
  readonly causeId?: string;
}

export function makeEdit(part: EditPart, operator: string, description: string, options?: OperatorOptions): PromptEdit {
  return options?.causeId === undefined
    ? { part, operator, description }
    : { part, operator, description, causeId: options.causeId };
}

/** The index of the first system message of a chat template, or -1 (also for a single text template). */
export function systemMessageIndex(content: PromptContent): number {
  if (typeof content.template === 'string') return -1;
  return content.template.findIndex((message) => message.role === 'system');
}

/** The text of the first system message, or null when there is none. */
export function systemText(content: PromptContent): string | null {
  const index = systemMessageIndex(content);
  if (index < 0 || typeof content.template === 'string') return null;
  return content.template[index]?.content ?? null;
}

/**
 * A copy of `content` whose first system message holds `text`. A template without one gets a system message first:
 * a single text template becomes `[system, user(template)]`.
 */
export function withSystemText(content: PromptContent, text: string): PromptContent {
  const template = content.template;
  if (typeof template === 'string') {
    return {
      ...content,
      template: [
        { role: 'system', content: text },
        { role: 'user', content: template },
      ],
    };
  }
  const index = systemMessageIndex(content);
  const messages: ChatTemplateMessage[] =
    index < 0
      ? [{ role: 'system', content: text }, ...template]
      : template.map((message, i) => (i === index ? { role: message.role, content: text } : message));
  return { ...content, template: messages };
}

/** All template text (every message), for searching. */
export function templateText(content: PromptContent): string {
  return typeof content.template === 'string'
    ? content.template
    : content.template.map((message) => message.content).join('\n');
}

/** JSON with object keys sorted, so that equal values give equal strings. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'undefined';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, sortKeys(record[key])]),
    );
  }
  return value;
}
