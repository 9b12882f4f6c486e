// Reading and replacing the editable parts of a prompt: system message, user template, tool descriptions.
import type { ChatTemplateMessage, PromptContent } from '../../prompts/prompt.js';
import { extractVariables } from '../../prompts/template.js';
import { systemText, withSystemText } from '../operators/candidate.js';
import type { EditablePart, ReflectionPrompt } from '../reflection/reflection-protocol.js';

/** The last user message's template, or the text template itself. */
export function userTemplate(content: PromptContent): string | null {
  if (typeof content.template === 'string') return content.template;
  return content.template.findLast((message) => message.role === 'user')?.content ?? null;
}

/**
 * @example
 * reflectionPrompt(content); // { system: 'Extract…', user: '{{html}}', tools: [], examples: 0 }
 */
export function reflectionPrompt(content: PromptContent): ReflectionPrompt {
  return {
    system: systemText(content),
    user: userTemplate(content),
    tools: content.tools.map((tool) => ({ name: tool.name, description: tool.description })),
    examples: content.examples.length,
  };
}

/** Every part an edit may name: the system message (created when missing), the user template, each tool. */
export function editableParts(content: PromptContent): EditablePart[] {
  const parts: EditablePart[] = ['system'];
  if (userTemplate(content) !== null) parts.push('user');
  for (const tool of content.tools) parts.push(`tool:${tool.name}`);
  return parts;
}

/**
 * A copy of `content` with `part` replaced by `text`, or null when the edit is not allowed: an unknown part, a user
 * template that loses one of its `{{variables}}` (the inputs would no longer reach the model), or no change at all.
 */
export function replacePart(content: PromptContent, part: EditablePart, text: string): PromptContent | null {
  if (part === 'system') {
    if (systemText(content) === text) return null;
    if (typeof content.template === 'string') {
      return {
        ...content,
        template: [
          { role: 'system', content: text },
          { role: 'user', content: content.template },
        ],
      };
    }
    return withSystemText(content, text);
  }
  if (part === 'user') {
    const current = userTemplate(content);
    if (current === null || current === text) return null;
    const kept = extractVariables(text);
    if (extractVariables(current).some((name) => !kept.includes(name))) return null;
    if (typeof content.template === 'string') return { ...content, template: text };
    const index = content.template.findLastIndex((message) => message.role === 'user');
    const template: ChatTemplateMessage[] = content.template.map((message, i) =>
      i === index ? { role: message.role, content: text } : message,
    );
    return { ...content, template };
  }
  const name = part.slice('tool:'.length);
  const tool = content.tools.find((candidate) => candidate.name === name);
  if (tool === undefined || tool.description === text) return null;
  return {
    ...content,
    tools: content.tools.map((candidate) =>
      candidate.name === name ? { ...candidate, description: text } : candidate,
    ),
  };
}
