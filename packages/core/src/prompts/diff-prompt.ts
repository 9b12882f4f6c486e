// Compares two prompt versions: template as unified and word diffs, plus every other changed field.
import { canonicalJson } from './canonical-json.js';
import type { PromptContent } from './prompt.js';
import { unifiedDiff, type WordEdit, wordDiff } from './unified-diff.js';

export interface FieldChange {
  readonly field: 'model' | 'params' | 'outputSchema' | 'variables' | 'tools' | 'examples';
  readonly before: unknown;
  readonly after: unknown;
}

export interface PromptDiff {
  readonly unified: string;
  readonly words: readonly WordEdit[];
  readonly changes: readonly FieldChange[];
}

/** A chat template as text, one `### role` header per message, so line diffs show which message changed. */
export function templateToText(template: PromptContent['template']): string {
  if (typeof template === 'string') return template;
  return template.map((message) => `### ${message.role}\n${message.content}`).join('\n');
}

/**
 * @example
 * const diff = diffPrompt(v1, v2, { fromLabel: 'extractor v1', toLabel: 'extractor v2' });
 * console.log(diff.unified); diff.changes; // [{ field: 'model', before: 'openai:gpt-4o', after: 'openai:gpt-4o-mini' }]
 */
export function diffPrompt(
  before: PromptContent,
  after: PromptContent,
  labels: { fromLabel?: string; toLabel?: string } = {},
): PromptDiff {
  const beforeText = templateToText(before.template);
  const afterText = templateToText(after.template);
  const fields: FieldChange['field'][] = ['model', 'params', 'outputSchema', 'variables', 'tools', 'examples'];
  const changes = fields
    .filter((field) => canonicalJson(before[field]) !== canonicalJson(after[field]))
    .map((field) => ({ field, before: before[field], after: after[field] }));
  return { unified: unifiedDiff(beforeText, afterText, labels), words: wordDiff(beforeText, afterText), changes };
}
