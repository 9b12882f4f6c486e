// Budgets measured by the engine: max_latency_ms, max_tokens, max_cost_usd. Unknown measurements skip, never pass.
import type { EvaluationSubject } from '../evaluation-subject.js';
import type { CheckFactory, CompiledCheck } from './check-factory.js';
import { direct } from './check-factory.js';
import { failed, PASSED, skipped } from './check-outcome.js';
import { limitOf } from './read-spec.js';

function budget(
  max: number,
  what: string,
  read: (subject: EvaluationSubject) => number | null | undefined,
): CompiledCheck {
  return direct((item) => {
    const value = read(item.subject);
    if (value === null || value === undefined) return skipped(`${what} was not measured`);
    return value <= max ? PASSED : failed(`${what} ${value} exceeds ${max}`);
  });
}

/** @example { kind: 'max_latency_ms', max: 2000 } */
export const maxLatency: CheckFactory<'max_latency_ms'> = (spec, context) =>
  budget(limitOf(context, spec.max, 'max'), 'latency (ms)', (subject) => subject.latencyMs);

/** @example { kind: 'max_cost_usd', max: 0.01 } */
export const maxCost: CheckFactory<'max_cost_usd'> = (spec, context) =>
  budget(limitOf(context, spec.max, 'max'), 'cost (USD)', (subject) => subject.costUsd);

function totalTokens(subject: EvaluationSubject): number | null {
  if (subject.totalTokens !== undefined && subject.totalTokens !== null) return subject.totalTokens;
  const input = subject.inputTokens ?? null;
  const output = subject.outputTokens ?? null;
  return input !== null && output !== null ? input + output : null;
}

/**
 * Total tokens are the reported total, else input + output when both are known.
 * @example { kind: 'max_tokens', max: 800, tokens: 'output' }
 */
export const maxTokens: CheckFactory<'max_tokens'> = (spec, context) => {
  const max = limitOf(context, spec.max, 'max');
  const which = spec.tokens ?? 'total';
  if (which === 'input') return budget(max, 'input tokens', (subject) => subject.inputTokens);
  if (which === 'output') return budget(max, 'output tokens', (subject) => subject.outputTokens);
  if (which !== 'total') return context.invalid('tokens must be "total", "input" or "output"');
  return budget(max, 'total tokens', totalTokens);
};
