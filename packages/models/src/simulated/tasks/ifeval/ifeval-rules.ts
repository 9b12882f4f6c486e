// The ifeval simulator's rule switches: one "miss" rule per IFEval instruction class, and forgetting in long prompts.
import type { IfevalInstructionId } from '@kaizen/core';

/**
 * Rule names of `sim:ifeval`: `miss<Class>` forced on makes every instruction of that IFEval class fail, forced off
 * makes them all followed; `forgetWhenLong` forgets instructions under a long system prompt.
 * @example
 * createSimulatedModel('ifeval', { rules: { missPunctuation: true } }); // commas even when told not to
 */
export const IFEVAL_RULE_NAMES = [
  'missKeywords',
  'missLanguage',
  'missLength',
  'missContent',
  'missFormat',
  'missCombination',
  'missStartEnd',
  'missCase',
  'missPunctuation',
  'forgetWhenLong',
] as const;
export type IfevalRuleName = (typeof IFEVAL_RULE_NAMES)[number];
export type MissRuleName = Exclude<IfevalRuleName, 'forgetWhenLong'>;

/** IFEval's instruction classes (the part of the id before ":"), each with its reminder class and miss rule. */
export const INSTRUCTION_CLASSES = {
  keywords: 'missKeywords',
  language: 'missLanguage',
  length_constraints: 'missLength',
  detectable_content: 'missContent',
  detectable_format: 'missFormat',
  combination: 'missCombination',
  startend: 'missStartEnd',
  change_case: 'missCase',
  punctuation: 'missPunctuation',
} as const satisfies Record<string, MissRuleName>;
export type InstructionClass = keyof typeof INSTRUCTION_CLASSES;

/**
 * @example
 * instructionClass('punctuation:no_comma'); // 'punctuation'
 */
export function instructionClass(id: IfevalInstructionId): InstructionClass {
  return id.slice(0, id.indexOf(':')) as InstructionClass;
}

/**
 * @example
 * missRule('startend:quotation'); // 'missStartEnd'
 */
export function missRule(id: IfevalInstructionId): MissRuleName {
  return INSTRUCTION_CLASSES[instructionClass(id)];
}
