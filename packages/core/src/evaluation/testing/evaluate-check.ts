// Test helpers: run one check on one subject through the real compile path, and build spans tersely.
import type { Span } from '../../trace/span.js';
import type { CheckSpec } from '../check-spec.js';
import { type CompileChecklistOptions, compileChecklist } from '../compile-checklist.js';
import type { EvaluationSubject } from '../evaluation-subject.js';
import type { CriterionResult } from '../results.js';

export async function evaluateCheck(
  check: CheckSpec,
  subject: EvaluationSubject,
  options: CompileChecklistOptions = {},
): Promise<CriterionResult> {
  const compiled = compileChecklist(
    { name: 'test', passThreshold: 1, criteria: [{ id: 'c', description: 'under test', weight: 1, check }] },
    options,
  );
  const result = await compiled.evaluate(subject);
  const first = result.results[0];
  if (first === undefined) throw new Error('no result');
  return first;
}

/** The status of one check on an output, for terse assertions. */
export async function statusOf(check: CheckSpec, subject: EvaluationSubject | string): Promise<string> {
  return (await evaluateCheck(check, typeof subject === 'string' ? { output: subject } : subject)).status;
}

export function makeSpan(overrides: Partial<Span> & Pick<Span, 'spanId'>): Span {
  return {
    traceId: 't1',
    parentSpanId: null,
    name: 'span',
    kind: 'other',
    startTime: '2026-01-01T00:00:00.000Z',
    endTime: '2026-01-01T00:00:01.000Z',
    durationMs: 1000,
    status: 'ok',
    statusMessage: null,
    model: null,
    provider: null,
    inputTokens: null,
    outputTokens: null,
    totalTokens: null,
    costUsd: null,
    input: null,
    output: null,
    promptName: null,
    promptVersion: null,
    environment: null,
    sessionId: null,
    userId: null,
    attributes: {},
    ...overrides,
  };
}
