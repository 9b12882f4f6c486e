// Shared builders of the evaluation contract: stored checklists, results, and traces with a view's fields.
import type { CriterionResult, CriterionStatus, Span } from '@kaizen/core';
import type { StoredChecklist, TraceScoreInput } from '../../src/evaluation/index.js';
import type { Store } from '../../src/store.js';
import { makeSpan } from './span-fixtures.js';

export const checklist = (overrides: Partial<StoredChecklist> = {}): StoredChecklist => ({
  name: 'support',
  passThreshold: 0.5,
  criteria: [
    { id: 'json', description: 'JSON only', weight: 2, check: { kind: 'json_valid' } },
    { id: 'short', description: 'Short', weight: 1, check: { kind: 'custom', name: 'short' } },
    { id: 'polite', description: 'Polite', weight: 1, check: { kind: 'llm_judge', question: 'Is it polite?' } },
  ],
  ...overrides,
});

export function results(statuses: Readonly<Record<string, CriterionStatus>>): CriterionResult[] {
  return Object.entries(statuses).map(([criterionId, status]) => ({
    criterionId,
    status,
    rationale: status === 'passed' ? null : `${criterionId} ${status}`,
    ...(status === 'errored' || status === 'skipped' ? { reason: `${criterionId} ${status}` } : {}),
  }));
}

export function scoreInput(overrides: Partial<TraceScoreInput> & { traceId: string }): TraceScoreInput {
  return {
    evaluatorName: 'support',
    evaluatorVersion: 1,
    score: 1,
    passed: true,
    label: 'pass',
    results: results({ json: 'passed', short: 'passed', polite: 'passed' }),
    source: 'online',
    evaluatedAt: '2025-03-01T13:00:00.000Z',
    ...overrides,
  };
}

/** One stored trace (a single LLM span) with the given view fields; returns its id. */
export async function storeTrace(store: Store, projectId: string, overrides: Partial<Span> = {}): Promise<string> {
  const span = makeSpan(overrides);
  await store.insertSpans(projectId, [span]);
  return span.traceId;
}
