// Online evaluation metrics: verdicts, scores and criterion outcomes per evaluator and the trace's prompt and version.
import type { TraceSummary } from '@kaizen/core';
import type { TraceScore } from '@kaizen/store';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { LabelLimiter } from './label-limiter.js';

/** Told once per score the online worker wrote; the summary is the one the worker computed to match views. */
export type ScoreListener = (projectId: string, trace: TraceSummary, score: TraceScore) => void;

/** Scores lie in [0, 1]. */
const SCORE_BUCKETS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

const LABELS = ['project', 'evaluator', 'prompt', 'version', 'environment'] as const;

/**
 * `pass`, `fail`, `error` (a criterion errored: no verdict, never a failure) or `skipped` (no criterion applied, so
 * there is no score). Pass rate = pass / (pass + fail); errors have their own rate.
 */
export function evaluationResult(score: Pick<TraceScore, 'errors' | 'score' | 'passed'>): string {
  if (score.errors > 0) return 'error';
  if (score.score === null) return 'skipped';
  return score.passed ? 'pass' : 'fail';
}

export function createEvaluationMetrics(registry: Registry, limiter: LabelLimiter): ScoreListener {
  const items = new Counter({
    name: 'kaizen_evaluation_items_total',
    help: 'Traces scored by online evaluation, by result: pass, fail, error (a criterion errored) or skipped',
    labelNames: [...LABELS, 'result'],
    registers: [registry],
  });
  const scores = new Histogram({
    name: 'kaizen_evaluation_score',
    help: 'Scores (0 to 1) of traces scored by online evaluation; traces without a score are left out',
    labelNames: LABELS,
    buckets: SCORE_BUCKETS,
    registers: [registry],
  });
  const criteria = new Counter({
    name: 'kaizen_evaluation_criterion_total',
    help: 'Criterion outcomes of online evaluation: status passed, failed, errored or skipped',
    labelNames: [...LABELS, 'criterion', 'status'],
    registers: [registry],
  });

  return (projectId, trace, score) => {
    const labels = {
      project: limiter.value('evaluation', 'project', projectId),
      evaluator: limiter.value('evaluation', 'evaluator', score.evaluatorName),
      prompt: limiter.value('evaluation', 'prompt', trace.promptName),
      version: limiter.value('evaluation', 'version', trace.promptVersion),
      environment: limiter.value('evaluation', 'environment', trace.environment),
    };
    items.inc({ ...labels, result: evaluationResult(score) });
    if (score.score !== null) scores.observe(labels, score.score);
    for (const result of score.results) {
      const criterion = limiter.value('evaluation', 'criterion', result.criterionId);
      criteria.inc({ ...labels, criterion, status: result.status });
    }
  };
}
