// What a checklist evaluates: one output with what is known about how it was produced.
import type { Span } from '../trace/span.js';

/**
 * One item to evaluate. Measurements left out (or null) make the criteria that need them `skipped`, never passed.
 * @example
 * const subject: EvaluationSubject = { output: '{"answer":42}', expected: { answer: 42 }, latencyMs: 812 };
 */
export interface EvaluationSubject {
  /** The final output text. */
  readonly output: string;
  /** The reference answer of a dataset item; criteria that compare with it are skipped without it. */
  readonly expected?: unknown;
  /** The input (variables or messages) the output answers; shown to the judge. */
  readonly input?: unknown;
  /** The span tree, for agent criteria (tools, steps, errors). */
  readonly spans?: readonly Span[];
  readonly latencyMs?: number | null;
  readonly inputTokens?: number | null;
  readonly outputTokens?: number | null;
  readonly totalTokens?: number | null;
  readonly costUsd?: number | null;
  readonly metadata?: Readonly<Record<string, unknown>>;
}
