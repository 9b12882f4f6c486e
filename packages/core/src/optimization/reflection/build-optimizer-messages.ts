// Builds the messages of an optimizer call and reads its answer back into an edit.
import type { ModelPortMessage } from '../../ports/model-port.js';
import type { EditablePart, OptimizerRequest, ReflectionAnswer } from './reflection-protocol.js';
import { OPTIMIZER_SYSTEM_PROMPT } from './reflection-protocol.js';

/** The marker before the request document; the simulated optimizer finds the document by it. */
export const REQUEST_MARKER = 'Optimization request (JSON):';

/**
 * @example
 * buildOptimizerMessages(request); // [{ role: 'system', … }, { role: 'user', content: 'Optimization request (JSON):\n{…}' }]
 */
export function buildOptimizerMessages(request: OptimizerRequest): ModelPortMessage[] {
  return [
    { role: 'system', content: OPTIMIZER_SYSTEM_PROMPT },
    { role: 'user', content: `${REQUEST_MARKER}\n${JSON.stringify(request, null, 2)}` },
  ];
}

/** The request document of an optimizer call, or null when the messages hold none (for the simulator). */
export function readOptimizerRequest(messages: readonly { readonly content: string }[]): OptimizerRequest | null {
  for (const message of messages) {
    const at = message.content.indexOf(REQUEST_MARKER);
    if (at < 0) continue;
    try {
      const parsed: unknown = JSON.parse(message.content.slice(at + REQUEST_MARKER.length));
      if (typeof parsed === 'object' && parsed !== null && 'task' in parsed) return parsed as OptimizerRequest;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * The edit in an optimizer's answer: a JSON object (bare, fenced, or inside prose) with `part` among the editable
 * parts and a non-empty `text`. Null when the answer holds none — the proposal is then dropped, never guessed.
 * @example
 * parseReflectionAnswer('{"part":"system","text":"Answer with JSON only.","rationale":"…"}', ['system']);
 */
export function parseReflectionAnswer(text: string, editable: readonly EditablePart[]): ReflectionAnswer | null {
  for (const candidate of jsonCandidates(text)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(candidate);
    } catch {
      continue;
    }
    if (typeof parsed !== 'object' || parsed === null) continue;
    const record = parsed as Record<string, unknown>;
    const part = record.part;
    const body = record.text;
    if (typeof part !== 'string' || typeof body !== 'string' || body.trim() === '') continue;
    if (!editable.includes(part as EditablePart)) continue;
    return {
      part: part as EditablePart,
      text: body,
      rationale: typeof record.rationale === 'string' ? record.rationale : '',
    };
  }
  return null;
}

function jsonCandidates(text: string): string[] {
  const trimmed = text.trim();
  const found = [trimmed];
  for (const match of trimmed.matchAll(/```(?:json)?\s*([\s\S]*?)```/g))
    if (match[1] !== undefined) found.push(match[1]);
  const first = trimmed.indexOf('{');
  const last = trimmed.lastIndexOf('}');
  if (first >= 0 && last > first) found.push(trimmed.slice(first, last + 1));
  return found;
}
