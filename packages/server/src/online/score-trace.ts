// Evaluates one trace with one compiled evaluator (and writes the score): shared by the online worker and the API.
import { type EvaluationSubject, type Span, subjectFromTrace } from '@kaizen/core';
import type { ScoreSource, Store, TraceScore, TraceScoreInput } from '@kaizen/store';
import type { CompiledEvaluator } from './compiled-evaluators.js';

/**
 * Evaluates without writing: the score a worker writes with others of its batch. Never throws for what the trace
 * contains (checks record errors as data).
 */
export async function evaluateTraceScore(
  subject: EvaluationSubject & { readonly spans: readonly Span[] },
  evaluator: CompiledEvaluator,
  source: ScoreSource,
): Promise<TraceScoreInput> {
  const result = await evaluator.compiled.evaluate(subject);
  return {
    traceId: subject.spans[0]?.traceId ?? '',
    evaluatorName: evaluator.name,
    evaluatorVersion: evaluator.version,
    score: result.score,
    passed: result.passed,
    label: result.label,
    results: result.results,
    source,
    evaluatedAt: new Date().toISOString(),
  };
}

/**
 * Never throws for what the trace contains (checks record errors as data); rejects only when the store does.
 *
 * @example
 * await scoreTrace(store, projectId, spans, await compiler.latest(projectId, 'support'), 'manual');
 */
export async function scoreTrace(
  store: Store,
  projectId: string,
  subject: EvaluationSubject & { readonly spans: readonly Span[] },
  evaluator: CompiledEvaluator,
  source: ScoreSource,
): Promise<TraceScore> {
  return store.scores.write(projectId, await evaluateTraceScore(subject, evaluator, source));
}

/** The subject of a stored trace, with its spans (agent checks read them). */
export function traceSubject(spans: readonly Span[]): EvaluationSubject & { readonly spans: readonly Span[] } {
  return { ...subjectFromTrace(spans), spans };
}
