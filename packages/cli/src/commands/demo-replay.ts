// The shadow view: the staging version run on the newest production inputs (SDK replayPrompt, environment `shadow`),
// scored online like production, and compared with production on the same inputs, trace pair by trace pair.
import { init, type KaizenLogger, type ReplaySummary, replayPrompt } from '@kaizen/sdk';
import type { Progress } from '../progress.js';
import { waitForScores } from './demo-scoring.js';
import type { ApiCall } from './evaluators-api.js';

interface StoredScore {
  readonly evaluatorName: string;
  readonly score: number | null;
  readonly passed: boolean;
  readonly results: readonly { readonly criterionId: string; readonly status: string }[];
}

export interface SideScores {
  readonly passRate: number | null;
  readonly meanScore: number | null;
}

export interface ShadowComparison {
  /** Production traces whose replay was scored, and their replays. */
  readonly pairs: number;
  readonly production: SideScores;
  readonly shadow: SideScores;
  readonly criteria: readonly {
    readonly criterionId: string;
    readonly production: number | null;
    readonly shadow: number | null;
  }[];
}

export interface DemoReplay {
  readonly summary: ReplaySummary;
  readonly comparison: ShadowComparison;
}

export interface ReplayStep {
  readonly url: string;
  readonly apiKey: string;
  readonly promptName: string;
  readonly evaluator: string;
  readonly candidateVersion: number;
  readonly limit: number;
  readonly logger: KaizenLogger;
  readonly newProgress: (label: string, total: number) => Progress;
}

async function latestScore(call: ApiCall, traceId: string, evaluator: string): Promise<StoredScore | null> {
  const { items } = await call<{ items: StoredScore[] }>('GET', `/api/traces/${traceId}/scores`);
  return items.find((item) => item.evaluatorName === evaluator) ?? null;
}

function side(scores: readonly StoredScore[]): SideScores {
  const scored = scores.filter((score) => score.score !== null);
  return {
    passRate: scores.length === 0 ? null : scores.filter((score) => score.passed).length / scores.length,
    meanScore: scored.length === 0 ? null : scored.reduce((sum, score) => sum + (score.score ?? 0), 0) / scored.length,
  };
}

function rate(scores: readonly StoredScore[], criterionId: string): number | null {
  const statuses = scores.map((score) => score.results.find((result) => result.criterionId === criterionId)?.status);
  const decided = statuses.filter((status) => status === 'passed' || status === 'failed');
  return decided.length === 0 ? null : decided.filter((status) => status === 'passed').length / decided.length;
}

async function compare(call: ApiCall, summary: ReplaySummary, evaluator: string): Promise<ShadowComparison> {
  const production: StoredScore[] = [];
  const shadow: StoredScore[] = [];
  for (const item of summary.items) {
    if (item.status !== 'ok' || item.shadowTraceId === null) continue;
    const [before, after] = await Promise.all([
      latestScore(call, item.sourceTraceId, evaluator),
      latestScore(call, item.shadowTraceId, evaluator),
    ]);
    if (before === null || after === null) continue;
    production.push(before);
    shadow.push(after);
  }
  const ids = [...new Set(production.flatMap((score) => score.results.map((result) => result.criterionId)))];
  return {
    pairs: production.length,
    production: side(production),
    shadow: side(shadow),
    criteria: ids.map((criterionId) => ({
      criterionId,
      production: rate(production, criterionId),
      shadow: rate(shadow, criterionId),
    })),
  };
}

/**
 * Replays, waits for the shadow traces' online scores, then compares them with their production traces'.
 *
 * @example
 * const { summary, comparison } = await runDemoReplay(call, { url, apiKey, promptName, evaluator, candidateVersion: 4, limit: 60, logger, newProgress });
 */
export async function runDemoReplay(call: ApiCall, step: ReplayStep): Promise<DemoReplay> {
  const client = init({
    url: step.url,
    apiKey: step.apiKey,
    environment: 'shadow',
    serviceName: 'kaizen-demo-replay',
    logger: step.logger,
    batch: { scheduledDelayMillis: 200 },
  });
  let summary: ReplaySummary;
  let bar: Progress | null = null;
  try {
    summary = await replayPrompt(client, {
      promptName: step.promptName,
      candidateVersion: step.candidateVersion,
      from: 'production',
      limit: step.limit,
      concurrency: 4,
      onProgress: (state) => {
        bar ??= step.newProgress('Replaying', state.total);
        bar.update(
          state.done,
          state.failed + state.skipped > 0 ? `(${state.failed} failed, ${state.skipped} skipped)` : '',
        );
      },
    });
    (bar as Progress | null)?.finish();
  } finally {
    await client.shutdown();
  }
  const scoring = step.newProgress('Scoring shadow', summary.replayed);
  await waitForScores(
    call,
    {
      evaluator: step.evaluator,
      promptName: step.promptName,
      environment: 'shadow',
      promptVersion: step.candidateVersion,
    },
    summary.replayed,
    (scored) => scoring.update(scored),
  );
  scoring.finish();
  return { summary, comparison: await compare(call, summary, step.evaluator) };
}
