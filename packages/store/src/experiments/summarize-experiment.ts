// An experiment's summary, computed from its items: verdicts, per-criterion counts, cache use, tokens, cost, latency.
import type { CriterionSummary, ExperimentItemInput, ExperimentSummary } from './experiment-types.js';

function percentile(sorted: readonly number[], fraction: number): number | null {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? null;
}

/**
 * Items are counted as `compareExperiments` counts them: an item has a verdict when its call succeeded, no criterion
 * errored and something was scored. Tokens, cost and latency of cached items are those of the call that produced the
 * cached answer, so runs compare on what the prompt costs, not on what this run happened to spend.
 *
 * @example
 * summarizeExperiment(['json', 'type'], items).criteria[0]?.passRate; // 0.9
 */
export function summarizeExperiment(
  criterionIds: readonly string[],
  items: readonly ExperimentItemInput[],
): ExperimentSummary {
  const counts = new Map<string, { passed: number; failed: number; errored: number; skipped: number }>();
  for (const id of criterionIds) counts.set(id, { passed: 0, failed: 0, errored: 0, skipped: 0 });
  let errors = 0;
  let evaluationErrors = 0;
  let verdicts = 0;
  let passed = 0;
  let scoreSum = 0;
  let scored = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  let costUsd: number | null = 0;
  const latencies: number[] = [];
  for (const item of items) {
    if (item.latencyMs !== null) latencies.push(item.latencyMs);
    inputTokens += item.inputTokens ?? 0;
    outputTokens += item.outputTokens ?? 0;
    const result = item.result;
    if (item.error !== null || result === null) {
      errors++;
      continue;
    }
    costUsd = costUsd === null || item.costUsd === null ? null : costUsd + item.costUsd;
    if (result.errors > 0) evaluationErrors++;
    if (result.score !== null) {
      scored++;
      scoreSum += result.score;
    }
    if (result.errors === 0 && result.score !== null) {
      verdicts++;
      if (result.passed) passed++;
    }
    for (const criterion of result.results) {
      let count = counts.get(criterion.criterionId);
      if (count === undefined) {
        count = { passed: 0, failed: 0, errored: 0, skipped: 0 };
        counts.set(criterion.criterionId, count);
      }
      count[criterion.status]++;
    }
  }
  latencies.sort((a, b) => a - b);
  const criteria: CriterionSummary[] = [...counts].map(([criterionId, count]) => ({
    criterionId,
    ...count,
    passRate: count.passed + count.failed === 0 ? null : count.passed / (count.passed + count.failed),
  }));
  const cachedItems = items.filter((item) => item.cached).length;
  return {
    items: items.length,
    errors,
    evaluationErrors,
    passed,
    passRate: verdicts === 0 ? null : passed / verdicts,
    meanScore: scored === 0 ? null : scoreSum / scored,
    criteria,
    cachedItems,
    modelCalls: items.length - cachedItems,
    inputTokens,
    outputTokens,
    costUsd: items.length === errors ? null : costUsd,
    meanLatencyMs: latencies.length === 0 ? null : latencies.reduce((sum, value) => sum + value, 0) / latencies.length,
    p95LatencyMs: percentile(latencies, 0.95),
  };
}
