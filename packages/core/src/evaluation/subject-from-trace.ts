// Builds an evaluation subject from a trace's spans: the final output, the input, usage, cost and latency.
import { KaizenError } from '../errors/kaizen-error.js';
import type { Span } from '../trace/span.js';
import { summarizeTrace } from '../trace/summarize-trace.js';
import type { EvaluationSubject } from './evaluation-subject.js';
import { leafSpansOfKind, spanText } from './trace-facts.js';

function rootSpan(spans: readonly Span[]): Span | undefined {
  const ids = new Set(spans.map((span) => span.spanId));
  const roots = spans.filter((span) => span.parentSpanId === null || !ids.has(span.parentSpanId));
  return roots.sort((a, b) => (a.startTime < b.startTime ? -1 : a.startTime > b.startTime ? 1 : 0))[0];
}

/**
 * The final output is the root span's output text, else the last model call's; tokens, cost and latency come from
 * `summarizeTrace` (each model call counted once).
 * @example
 * const subject = subjectFromTrace(spans);
 * const result = await compiled.evaluate({ ...subject, expected: item.expected });
 */
export function subjectFromTrace(spans: readonly Span[]): EvaluationSubject {
  const root = rootSpan(spans);
  if (root === undefined) throw new KaizenError('invalid_input', 'subjectFromTrace needs at least one span');
  const summary = summarizeTrace(spans);
  const modelCalls = leafSpansOfKind(spans, 'llm');
  const lastCall = [...modelCalls].sort((a, b) => (a.endTime < b.endTime ? -1 : a.endTime > b.endTime ? 1 : 0)).pop();
  const rootOutput = spanText(root.output);
  const output = rootOutput.trim() !== '' ? rootOutput : spanText(lastCall?.output ?? null);
  const input = root.input ?? modelCalls[0]?.input ?? null;
  return {
    output,
    ...(input !== null ? { input } : {}),
    spans,
    latencyMs: summary.durationMs,
    inputTokens: summary.inputTokens,
    outputTokens: summary.outputTokens,
    totalTokens: summary.totalTokens,
    costUsd: summary.costUsd,
    metadata: {
      traceId: summary.traceId,
      promptName: summary.promptName,
      promptVersion: summary.promptVersion,
      environment: summary.environment,
    },
  };
}
