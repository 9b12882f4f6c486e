// Waits for the server's online evaluation to score the demo's traces, and reads the scores back as aggregates.
import { KaizenError } from '@kaizen/core';
import type { ApiCall } from './evaluators-api.js';

export interface CriterionRate {
  readonly criterionId: string;
  readonly passed: number;
  readonly failed: number;
  readonly errored: number;
  readonly skipped: number;
  readonly passRate: number | null;
}

export interface ScoreView {
  readonly evaluator: string;
  readonly promptName: string;
  readonly environment: string;
  readonly promptVersion?: number;
}

export interface ScoreSummary {
  readonly traces: number;
  readonly passRate: number | null;
  readonly meanScore: number | null;
  readonly criteria: readonly CriterionRate[];
}

const POLL_MS = 250;
/** Scoring that makes no progress for this long has stalled: say so rather than wait forever. */
const STALL_MS = 60_000;

function query(view: ScoreView, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    evaluator: view.evaluator,
    promptName: view.promptName,
    environment: view.environment,
    ...(view.promptVersion !== undefined ? { promptVersion: String(view.promptVersion) } : {}),
    ...extra,
  });
  return params.toString();
}

async function criteriaOf(call: ApiCall, view: ScoreView): Promise<readonly CriterionRate[]> {
  const answer = await call<{ criteria: CriterionRate[] }>('GET', `/api/scores/criteria?${query(view)}`);
  return answer.criteria;
}

/** Each scored trace has one result per criterion, so the first criterion's counts are the traces scored. */
const scoredCount = (criteria: readonly CriterionRate[]): number => {
  const first = criteria[0];
  return first === undefined ? 0 : first.passed + first.failed + first.errored + first.skipped;
};

/**
 * Polls until `expected` traces of the view have a score, reporting the count as it grows.
 *
 * @example
 * await waitForScores(call, { evaluator, promptName, environment: 'production' }, 240, (n) => bar.update(n));
 */
export async function waitForScores(
  call: ApiCall,
  view: ScoreView,
  expected: number,
  onProgress: (scored: number) => void,
): Promise<void> {
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const scored = scoredCount(await criteriaOf(call, view));
    onProgress(Math.min(scored, expected));
    if (scored >= expected) return;
    if (scored !== last) {
      last = scored;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > STALL_MS) {
      throw new KaizenError(
        'unavailable',
        `online scoring stalled at ${scored}/${expected} ${view.environment} traces (see the server lines above)`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Pass rate and mean score over the view (day buckets summed), and the per-criterion rates. */
export async function readScores(call: ApiCall, view: ScoreView): Promise<ScoreSummary> {
  const series = await call<{ points: { count: number; meanScore: number | null; passRate: number | null }[] }>(
    'GET',
    `/api/scores/timeseries?${query(view, { bucket: 'day' })}`,
  );
  const traces = series.points.reduce((sum, point) => sum + point.count, 0);
  const weighted = (pick: (point: (typeof series.points)[number]) => number | null) => {
    const known = series.points.filter((point) => pick(point) !== null);
    const count = known.reduce((sum, point) => sum + point.count, 0);
    return count === 0 ? null : known.reduce((sum, point) => sum + (pick(point) ?? 0) * point.count, 0) / count;
  };
  return {
    traces,
    passRate: weighted((point) => point.passRate),
    meanScore: weighted((point) => point.meanScore),
    criteria: await criteriaOf(call, view),
  };
}
