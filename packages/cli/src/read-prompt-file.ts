// Reads a prompt file for `kaizen prompts push`: a plain text template, or JSON with messages and settings.
import { KaizenError } from '@kaizen/core';
import type { PushVersionInput } from '@kaizen/sdk';

type PromptFileContent = Omit<PushVersionInput, 'message' | 'author'>;

const KNOWN_KEYS = new Set([
  'messages',
  'template',
  'variables',
  'model',
  'params',
  'outputSchema',
  'output',
  'tools',
  'examples',
]);

/**
 * A `.json` file (or text that starts with `{`) is a prompt object; anything else is one text template.
 *
 * @example
 * readPromptFile('{"messages":[{"role":"user","content":"{{html}}"}],"model":"sim:schemaorg"}', 'p.json');
 */
export function readPromptFile(text: string, path: string): PromptFileContent {
  const looksJson = path.endsWith('.json') || text.trimStart().startsWith('{');
  if (!looksJson) return { template: text };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new KaizenError('invalid_input', `${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new KaizenError('invalid_input', `${path} must hold a JSON object with "messages" or "template"`);
  }
  const object = value as Record<string, unknown>;
  const unknown = Object.keys(object).filter((key) => !KNOWN_KEYS.has(key));
  if (unknown.length > 0) {
    throw new KaizenError(
      'invalid_input',
      `${path}: unknown key(s) ${unknown.join(', ')}; expected ${[...KNOWN_KEYS].join(', ')}`,
    );
  }
  const template = object.messages ?? object.template;
  if (template === undefined) throw new KaizenError('invalid_input', `${path} needs "messages" or "template"`);
  const outputSchema = object.outputSchema ?? object.output;
  // The server validates every field and names the bad ones; here we only reshape.
  return {
    template,
    ...(object.variables !== undefined ? { variables: object.variables } : {}),
    ...(object.model !== undefined ? { model: object.model } : {}),
    ...(object.params !== undefined ? { params: object.params } : {}),
    ...(outputSchema !== undefined ? { outputSchema } : {}),
    ...(object.tools !== undefined ? { tools: object.tools } : {}),
    ...(object.examples !== undefined ? { examples: object.examples } : {}),
  } as PromptFileContent;
}
