// Operators: add or swap a few-shot demonstration (the caller picks examples from passing items).
import type { PromptContent, PromptExample } from '../../prompts/prompt.js';
import { makeEdit, type OperatorOptions, type PromptCandidate, stableStringify } from './candidate.js';

export const ADD_FEW_SHOT = 'add-few-shot';
export const SWAP_FEW_SHOT = 'swap-few-shot';

function sameExample(a: PromptExample, b: PromptExample): boolean {
  return a.output === b.output && stableStringify(a.input) === stableStringify(b.input);
}

function copyExample(example: PromptExample): PromptExample {
  return { input: { ...example.input }, output: example.output };
}

/** Appends a demonstration; null when an identical one is already there. */
export function addFewShotExample(
  content: PromptContent,
  example: PromptExample,
  options?: OperatorOptions,
): PromptCandidate | null {
  if (content.examples.some((existing) => sameExample(existing, example))) return null;
  return {
    content: { ...content, examples: [...content.examples, copyExample(example)] },
    edit: makeEdit('examples', ADD_FEW_SHOT, `Add a demonstration (example ${content.examples.length + 1})`, options),
  };
}

/** Replaces the demonstration at `index`; null when the index is out of range or the example is already there. */
export function swapFewShotExample(
  content: PromptContent,
  index: number,
  example: PromptExample,
  options?: OperatorOptions,
): PromptCandidate | null {
  if (!Number.isInteger(index) || index < 0 || index >= content.examples.length) return null;
  if (content.examples.some((existing) => sameExample(existing, example))) return null;
  return {
    content: {
      ...content,
      examples: content.examples.map((existing, i) => (i === index ? copyExample(example) : existing)),
    },
    edit: makeEdit('examples', SWAP_FEW_SHOT, `Replace demonstration ${index + 1}`, options),
  };
}
