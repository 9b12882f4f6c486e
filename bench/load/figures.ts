// The figures of one bench:load scenario, from what the senders saw and what the store holds afterwards.
import type { StoredState } from './read-store.js';
import type { LoadResult } from './send-load.js';

export interface ScenarioFigures {
  readonly servers: number;
  readonly workers: number;
  /** Seconds from the first request to the last answer. */
  readonly seconds: number;
  readonly requests: number;
  /** Answers 429 or 503 (each refused batch was re-sent). */
  readonly refused: number;
  /** Other statuses and socket errors. */
  readonly errors: number;
  readonly acknowledgedSpans: number;
  readonly acknowledgedTraces: number;
  readonly spansPerSecond: number;
  /** Latency of the acknowledged requests. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Online scores of the measured traces written while the load ran, per second of it. */
  readonly evaluationsPerSecond: number;
  /** Online scores of the measured traces written after the load stopped, per second until the last one. */
  readonly drainEvaluationsPerSecond: number;
  /** Measured traces (warm-up left out) with a score after the drain. */
  readonly scoredTraces: number;
  /** evaluatedAt − (acknowledgement of the trace's last span + quiet period), over the scored traces. */
  readonly queueLagP50Ms: number;
  readonly queueLagP99Ms: number;
  readonly queueLagMaxMs: number;
  /** Seconds from the end of the load to the last score. */
  readonly drainSeconds: number;
  /** Acknowledged traces, warm-up included, without a score after the drain. */
  readonly unscoredTraces: number;
  /** Acknowledged spans (warm-up included) the store does not hold: must be 0. */
  readonly lostSpans: number;
  /** Batches still refused at the retry deadline (never acknowledged, so not lost). */
  readonly abandonedBatches: number;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const round = (value: number, digits = 0): number => Number(value.toFixed(digits));

export function computeFigures(
  processes: { readonly servers: number; readonly workers: number },
  load: LoadResult,
  warmup: LoadResult,
  stored: StoredState,
  quietPeriodMs: number,
): ScenarioFigures {
  const seconds = (load.finishedAt - load.startedAt) / 1000;
  const accepted = load.attempts.filter((attempt) => attempt.status === 200).map((attempt) => attempt.latencyMs);
  const refused = load.attempts.filter((attempt) => attempt.status === 429 || attempt.status === 503).length;
  const lags: number[] = [];
  let duringLoad = 0;
  let afterLoad = 0;
  let lastScore = load.finishedAt;
  for (const [traceId, acknowledgedAt] of load.acknowledgedAt) {
    const evaluatedAt = stored.scores.get(traceId);
    if (evaluatedAt === undefined) continue;
    lags.push(evaluatedAt - (acknowledgedAt + quietPeriodMs));
    if (evaluatedAt <= load.finishedAt) duringLoad += 1;
    else afterLoad += 1;
    lastScore = Math.max(lastScore, evaluatedAt);
  }
  // Lost and unscored count the warm-up's traces too: everything acknowledged must be stored and scored.
  const acknowledgedSpans = [...warmup.acknowledgedSpans, ...load.acknowledgedSpans];
  const acknowledgedTraces = [...warmup.acknowledgedAt.keys(), ...load.acknowledgedAt.keys()];
  return {
    servers: processes.servers,
    workers: processes.workers,
    seconds: round(seconds, 1),
    requests: load.attempts.length,
    refused,
    errors: load.attempts.length - accepted.length - refused,
    acknowledgedSpans: load.acknowledgedSpans.length,
    acknowledgedTraces: load.acknowledgedAt.size,
    spansPerSecond: round(load.acknowledgedSpans.length / seconds),
    p50Ms: round(percentile(accepted, 50), 1),
    p99Ms: round(percentile(accepted, 99), 1),
    evaluationsPerSecond: round(duringLoad / seconds),
    drainEvaluationsPerSecond:
      lastScore > load.finishedAt ? round((afterLoad * 1000) / (lastScore - load.finishedAt)) : 0,
    scoredTraces: lags.length,
    queueLagP50Ms: round(percentile(lags, 50)),
    queueLagP99Ms: round(percentile(lags, 99)),
    queueLagMaxMs: round(lags.length === 0 ? Number.NaN : lags.reduce((max, lag) => Math.max(max, lag), -Infinity)),
    drainSeconds: round((lastScore - load.finishedAt) / 1000, 1),
    unscoredTraces: acknowledgedTraces.filter((traceId) => !stored.scores.has(traceId)).length,
    lostSpans: acknowledgedSpans.filter((key) => !stored.spans.has(key)).length,
    abandonedBatches: warmup.abandonedBatches + load.abandonedBatches,
  };
}
