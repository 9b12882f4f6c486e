// Evaluates one trace with one compiled evaluator and writes the score: shared by the online worker and the API.
import { type EvaluationSubject, type Span, subjectFromTrace } from '@kaizen/core';
import type { ScoreSource, Store, TraceScore } from '@kaizen/store';
import type { CompiledEvaluator } from './compiled-evaluators.js';

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
  const result = await evaluator.compiled.evaluate(subject);
  const traceId = subject.spans[0]?.traceId ?? '';
  return store.scores.write(projectId, {
    traceId,
    evaluatorName: evaluator.name,
    evaluatorVersion: evaluator.version,
    score: result.score,
    passed: result.passed,
    label: result.label,
    results: result.results,
    source,
    evaluatedAt: new Date().toISOString(),
  });
}

/** The subject of a stored trace, with its spans (agent checks read them). */
export function traceSubject(spans: readonly Span[]): EvaluationSubject & { readonly spans: readonly Span[] } {
  return { ...subjectFromTrace(spans), spans };
}
