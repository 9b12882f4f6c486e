// Chooses which part of the prompt a reflective edit changes: a tool's description for tool criteria, else system.
import type { EditablePart, ReflectionRequest } from '@kaizen/core';
import type { Pick } from './pick.js';

const TOOL_KINDS = /^tool_/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** How often the cause's criteria (kind, description, rationales) speak of each editable tool. */
function toolMentions(request: ReflectionRequest, tools: readonly string[]): Map<string, number> {
  const ids = new Set(request.cause.criteria.map((criterion) => criterion.id));
  const rationales = request.failing.flatMap((example) =>
    example.failed.filter((entry) => ids.has(entry.criterionId)).map((entry) => entry.rationale),
  );
  const texts = [...request.cause.criteria.map((criterion) => criterion.description), ...rationales];
  const mentions = new Map<string, number>();
  for (const tool of tools) {
    const word = new RegExp(`(?:^|[^\\w-])${escapeRegExp(tool)}(?![\\w-])`, 'i');
    const count = texts.filter((text) => word.test(text)).length;
    if (count > 0) mentions.set(tool, count);
  }
  return mentions;
}

/**
 * The part to edit. A tool's description when the cause's criteria are about a tool (a `tool_*` kind, or a
 * description or rationale naming an editable tool) and that tool can be told which; else `system`; `user` only when
 * `system` is not editable.
 * @example
 * choosePart(request, pick); // 'tool:get_weather' for a `tool_called` criterion on get_weather
 */
export function choosePart(request: ReflectionRequest, pick: Pick): EditablePart | null {
  const editable = request.editableParts;
  const tools = editable.filter((part) => part.startsWith('tool:')).map((part) => part.slice('tool:'.length));
  const aboutTools = request.cause.criteria.some((criterion) => TOOL_KINDS.test(criterion.kind));
  const mentions = toolMentions(request, tools);
  if (mentions.size > 0) {
    const most = Math.max(...mentions.values());
    const leaders = [...mentions].filter(([, count]) => count === most).map(([tool]) => tool);
    const [first, ...others] = leaders;
    if (first !== undefined) return `tool:${pick.one([first, ...others], 'part', request.cause.id)}`;
  }
  const [onlyTool, ...moreTools] = tools;
  if (aboutTools && onlyTool !== undefined && moreTools.length === 0) return `tool:${onlyTool}`;
  if (editable.includes('system')) return 'system';
  if (editable.includes('user')) return 'user';
  return editable[0] ?? null;
}

/** The current text of a part: the system message, the user template, or the tool's description. */
export function partText(request: ReflectionRequest, part: EditablePart): string {
  if (part === 'system') return request.prompt.system ?? '';
  if (part === 'user') return request.prompt.user ?? '';
  const name = part.slice('tool:'.length);
  return request.prompt.tools.find((tool) => tool.name === name)?.description ?? '';
}
