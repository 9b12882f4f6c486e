// Builds complete prompt content from what a user gives, and the canonical text its hash is taken of.
import { canonicalJson } from './canonical-json.js';
import type { PromptContent } from './prompt.js';
import { extractVariables } from './template.js';

export type PromptContentInput = Pick<PromptContent, 'template'> & Partial<Omit<PromptContent, 'template'>>;

/**
 * Fills defaults and declares every variable the template uses (declared ones first, in the given order).
 *
 * @example
 * createPromptContent({ template: 'Extract JSON-LD from {{html}}', model: 'sim:schemaorg' }).variables; // ['html']
 */
export function createPromptContent(input: PromptContentInput): PromptContent {
  const declared = input.variables ?? [];
  const used = extractVariables(input.template).filter((name) => !declared.includes(name));
  return {
    template: input.template,
    variables: [...declared, ...used],
    outputSchema: input.outputSchema ?? null,
    model: input.model ?? null,
    params: input.params ?? {},
    tools: input.tools ?? [],
    examples: input.examples ?? [],
  };
}

/** The text a version's hash is computed from: equal content, equal text, whatever the key order. */
export function canonicalPromptContent(content: PromptContent): string {
  return canonicalJson({
    template: content.template,
    variables: content.variables,
    outputSchema: content.outputSchema,
    model: content.model,
    params: content.params,
    tools: content.tools,
    examples: content.examples,
  });
}
