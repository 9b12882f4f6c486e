// A prompt's whole content as lines of text, so one unified diff shows every change an edit can make: the template,
// and the few-shot examples, tools, output schema, model and parameters below it.
import { canonicalJson, type PromptContent, templateToText, unifiedDiff } from '@kaizen/core';

/**
 * @example
 * promptDiffText(content); // '### system\nYou extract…\n### user\n{{html}}\n### example 1 input\n{"html":"…"}\n…'
 */
export function promptDiffText(content: PromptContent): string {
  const lines = [templateToText(content.template)];
  content.examples.forEach((example, index) => {
    lines.push(`### example ${index + 1} input`, canonicalJson(example.input), `### example ${index + 1} output`);
    lines.push(example.output);
  });
  for (const tool of content.tools) {
    lines.push(`### tool ${tool.name}`, tool.description);
    if (tool.parameters !== undefined) lines.push(canonicalJson(tool.parameters));
  }
  if (content.outputSchema !== null) lines.push('### output schema', canonicalJson(content.outputSchema));
  if (content.model !== null) lines.push('### model', content.model);
  if (Object.keys(content.params).length > 0) lines.push('### params', canonicalJson(content.params));
  return `${lines.join('\n')}\n`;
}

/** A unified diff of two prompts' whole contents; empty when they are equal. */
export function diffPromptText(
  before: PromptContent,
  after: PromptContent,
  labels: { from: string; to: string },
): string {
  return unifiedDiff(promptDiffText(before), promptDiffText(after), { fromLabel: labels.from, toLabel: labels.to });
}
