// `{{variable}}` templates: find the variables a template uses and render it with values.
import { KaizenError } from '../errors/kaizen-error.js';
import type { ChatTemplateMessage, PromptContent } from './prompt.js';

const VARIABLE = /\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}/g;

function templateTexts(template: PromptContent['template']): string[] {
  return typeof template === 'string' ? [template] : template.map((message) => message.content);
}

/**
 * Variables used by a template, in order of first use.
 *
 * @example
 * extractVariables('Hello {{ name }}, see {{url}}'); // ['name', 'url']
 */
export function extractVariables(template: PromptContent['template']): string[] {
  const names: string[] = [];
  for (const text of templateTexts(template)) {
    for (const match of text.matchAll(VARIABLE)) {
      const name = match[1] as string;
      if (!names.includes(name)) names.push(name);
    }
  }
  return names;
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function renderText(text: string, variables: Readonly<Record<string, unknown>>): string {
  // One pass with a replacer: a value containing `{{x}}` is inserted literally, never expanded again.
  return text.replace(VARIABLE, (_, name: string) => stringify(variables[name]));
}

/**
 * Fills a template. Every variable it uses must be given: a missing one is an error, never an empty string.
 *
 * @example
 * renderTemplate([{ role: 'user', content: 'Page: {{html}}' }], { html: '<h1>Hi</h1>' });
 * // [{ role: 'user', content: 'Page: <h1>Hi</h1>' }]
 */
export function renderTemplate<T extends PromptContent['template']>(
  template: T,
  variables: Readonly<Record<string, unknown>>,
): T extends string ? string : ChatTemplateMessage[];
export function renderTemplate(
  template: PromptContent['template'],
  variables: Readonly<Record<string, unknown>>,
): string | ChatTemplateMessage[] {
  const missing = extractVariables(template).filter((name) => !(name in variables));
  if (missing.length > 0) {
    throw new KaizenError('invalid_input', `Missing template variable(s): ${missing.join(', ')}`);
  }
  if (typeof template === 'string') return renderText(template, variables);
  return template.map((message) => ({ role: message.role, content: renderText(message.content, variables) }));
}
