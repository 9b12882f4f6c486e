// A model-free estimate of a prompt's size in tokens.
import type { PromptContent } from '../../prompts/prompt.js';
import { stableStringify } from './candidate.js';

/** Characters per token assumed by `estimatePromptTokens` (≈ 4 for English text with BPE tokenizers). */
export const CHARS_PER_TOKEN = 4;

/**
 * Estimated prompt tokens of a content: ⌈characters / 4⌉ over everything sent before the variables are filled in —
 * every template message, each tool's name, description and parameters (as JSON), and each few-shot example's input
 * (as JSON) and output. A rough, tokenizer-free figure, good for comparing two versions of the same prompt (the
 * Pareto front over score and prompt size), not for billing.
 */
export function estimatePromptTokens(content: PromptContent): number {
  let chars = 0;
  if (typeof content.template === 'string') chars += content.template.length;
  else for (const message of content.template) chars += message.content.length;
  for (const tool of content.tools) {
    chars += tool.name.length + tool.description.length;
    if (tool.parameters !== undefined) chars += stableStringify(tool.parameters).length;
  }
  for (const example of content.examples) chars += stableStringify(example.input).length + example.output.length;
  return Math.ceil(chars / CHARS_PER_TOKEN);
}
