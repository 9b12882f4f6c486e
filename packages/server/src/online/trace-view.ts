// Whether a trace falls in an online evaluator's view: its environment, and a prompt (and version) any span used.
import type { Span } from '@kaizen/core';
import type { OnlineEvaluatorView } from '@kaizen/store';

/** What view matching needs of a trace, computed once per trace. */
export interface TraceViewFacts {
  readonly environment: string | null;
  /** `name` and `name\u0000version` of every prompt a span of the trace carries. */
  readonly prompts: ReadonlySet<string>;
}

export function traceViewFacts(spans: readonly Span[], environment: string | null): TraceViewFacts {
  const prompts = new Set<string>();
  for (const span of spans) {
    if (span.promptName === null) continue;
    prompts.add(span.promptName);
    if (span.promptVersion !== null) prompts.add(`${span.promptName}\u0000${span.promptVersion}`);
  }
  return { environment, prompts };
}

/**
 * null in the view matches anything; a prompt version is matched on the same span as its prompt name, as the
 * trace list filters do.
 */
export function matchesView(view: OnlineEvaluatorView, facts: TraceViewFacts): boolean {
  if (view.environment !== null && view.environment !== facts.environment) return false;
  if (view.promptName === null) return view.promptVersion === null;
  const key = view.promptVersion === null ? view.promptName : `${view.promptName}\u0000${view.promptVersion}`;
  return facts.prompts.has(key);
}
