// Finds what a production trace gave a prompt — its template variables, or else its messages — so it can be replayed.
import type { Message, Span } from '../trace/span.js';

/** Where replayed inputs come from, in order of preference. */
export type ReplayInput =
  | { readonly kind: 'variables'; readonly variables: Readonly<Record<string, unknown>>; readonly spanId: string }
  | { readonly kind: 'messages'; readonly messages: readonly Message[]; readonly spanId: string };

/** Attributes that carry a prompt's input variables as a JSON object string: Kaizen's SDK, then OpenInference. */
const VARIABLE_ATTRIBUTES = ['kaizen.prompt.variables', 'llm.prompt_template.variables'] as const;

function parseVariables(value: unknown): Record<string, unknown> | null {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return null;
    }
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : null;
}

/**
 * The replayable input of `promptName` in a trace: the variables recorded on its prompt span when present, else the
 * chat messages of its first model call. Null when the trace holds neither (it cannot be replayed).
 *
 * @example
 * const input = extractReplayInput(trace.spans, 'extractor');
 * if (input?.kind === 'variables') renderTemplate(candidate.template, input.variables);
 */
export function extractReplayInput(spans: readonly Span[], promptName: string): ReplayInput | null {
  const ofPrompt = spans
    .filter((span) => span.promptName === promptName)
    .sort((a, b) => (a.startTime < b.startTime ? -1 : a.startTime > b.startTime ? 1 : 0));
  for (const span of ofPrompt) {
    for (const key of VARIABLE_ATTRIBUTES) {
      const variables = parseVariables(span.attributes[key]);
      if (variables !== null) return { kind: 'variables', variables, spanId: span.spanId };
    }
  }
  const withMessages = [...ofPrompt, ...spans.filter((span) => span.kind === 'llm')].find(
    (span) => Array.isArray(span.input) && span.input.length > 0,
  );
  if (withMessages !== undefined && Array.isArray(withMessages.input)) {
    return { kind: 'messages', messages: withMessages.input as readonly Message[], spanId: withMessages.spanId };
  }
  return null;
}
