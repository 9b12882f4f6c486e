// Builds dataset items from a trace view: the trace filters, score/label filters, a sampling order, and each trace's
// prompt input (recorded variables, else messages) through core's extractReplayInput.
import { extractReplayInput, KaizenError, type Span, type TraceSummary } from '@kaizen/core';
import type { LatestTraceScore, ScoreStore } from '../evaluation/score-store.js';
import type { Page, TraceQuery } from '../store.js';
import type { DatasetItemInput } from './dataset-types.js';
import { drawRoundRobin, type SampleCandidate, type SampleStrategy, sampleQueues } from './sample-order.js';

/** What sampling reads of the scores store: each trace's latest score. */
export type TraceScoreReader = Pick<ScoreStore, 'latestForTraces'>;

/** The trace filters of GET /api/traces (a prompt is required: items are that prompt's inputs) plus score filters. */
export interface TraceViewFilter extends Omit<TraceQuery, 'limit' | 'cursor' | 'promptName'> {
  readonly promptName: string;
  readonly label?: string;
  readonly passed?: boolean;
  readonly failedCriterion?: string;
  /** Whose scores the score filters and strata read; the latest score of any evaluator when omitted. */
  readonly evaluator?: string;
}

export interface TraceSampleSettings {
  readonly strategy: SampleStrategy;
  readonly size: number;
  readonly seed: number;
  /** Newest traces of the view considered at most. Default 10,000. */
  readonly maxScan?: number;
}

export interface TraceDatasetReader {
  listTraces(projectId: string, query: TraceQuery): Promise<Page<TraceSummary>>;
  getTraceSpans(projectId: string, traceId: string): Promise<readonly Span[]>;
  readonly scores?: TraceScoreReader;
}

export interface CollectedTraceItems {
  readonly items: DatasetItemInput[];
  /** Traces of the view (score filters applied) that could be drawn. */
  readonly matched: number;
  /** Drawn traces left out because they recorded no input for the prompt. */
  readonly skipped: number;
}

const DEFAULT_MAX_SCAN = 10_000;
const SCORE_BATCH = 500;

async function scanView(reader: TraceDatasetReader, projectId: string, filter: TraceViewFilter, maxScan: number) {
  const { label: _label, passed: _passed, failedCriterion: _failed, evaluator: _evaluator, ...query } = filter;
  const traces: TraceSummary[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<TraceSummary> = await reader.listTraces(projectId, {
      ...query,
      limit: Math.min(1000, maxScan - traces.length),
      ...(cursor !== null ? { cursor } : {}),
    });
    traces.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && traces.length < maxScan);
  return traces;
}

async function readScores(
  reader: TraceDatasetReader,
  projectId: string,
  traceIds: readonly string[],
  evaluator: string | undefined,
): Promise<Map<string, LatestTraceScore>> {
  if (reader.scores === undefined) {
    throw new KaizenError('invalid_input', 'score and label filters need stored trace scores, which this server lacks');
  }
  const scores = new Map<string, LatestTraceScore>();
  for (let start = 0; start < traceIds.length; start += SCORE_BATCH) {
    const batch = traceIds.slice(start, start + SCORE_BATCH);
    const found = await reader.scores.latestForTraces(
      projectId,
      batch,
      ...(evaluator !== undefined ? [evaluator] : []),
    );
    for (const [traceId, score] of found) scores.set(traceId, score);
  }
  return scores;
}

function strataOf(score: LatestTraceScore | undefined, strategy: SampleStrategy): string[] {
  if (score === undefined) return ['unscored'];
  if (strategy === 'stratified-label') return [score.label];
  return score.failedCriteria.length > 0 ? [...score.failedCriteria] : ['none'];
}

function itemOf(
  summary: TraceSummary,
  spans: readonly Span[],
  filter: TraceViewFilter,
  score: LatestTraceScore | undefined,
) {
  const input = extractReplayInput(spans, filter.promptName);
  if (input === null) return null;
  const metadata: Record<string, unknown> = {
    environment: summary.environment,
    promptName: summary.promptName,
    promptVersion: summary.promptVersion,
    models: summary.models,
    status: summary.status,
    startTime: summary.startTime,
  };
  if (score !== undefined) {
    Object.assign(metadata, {
      evaluator: score.evaluatorName,
      evaluatorVersion: score.evaluatorVersion,
      score: score.score,
      passed: score.passed,
      label: score.label,
      failedCriteria: score.failedCriteria,
    });
  }
  const item: DatasetItemInput = {
    itemId: summary.traceId,
    input: input.kind === 'variables' ? input.variables : input.messages,
    metadata,
    sourceTraceId: summary.traceId,
  };
  return item;
}

/**
 * @example
 * const { items } = await collectTraceItems(store, projectId,
 *   { environment: 'production', promptName: 'extractor', label: 'fail' },
 *   { strategy: 'stratified-criterion', size: 50, seed: 1 });
 */
export async function collectTraceItems(
  reader: TraceDatasetReader,
  projectId: string,
  filter: TraceViewFilter,
  sample: TraceSampleSettings,
): Promise<CollectedTraceItems> {
  if (!Number.isInteger(sample.size) || sample.size < 1) {
    throw new KaizenError('invalid_input', `sample size must be a positive integer, got ${sample.size}`);
  }
  const viewed = await scanView(reader, projectId, filter, sample.maxScan ?? DEFAULT_MAX_SCAN);
  const scoreFiltered =
    filter.label !== undefined || filter.passed !== undefined || filter.failedCriterion !== undefined;
  const needScores = scoreFiltered || sample.strategy.startsWith('stratified');
  const scores = needScores
    ? await readScores(
        reader,
        projectId,
        viewed.map((trace) => trace.traceId),
        filter.evaluator,
      )
    : new Map<string, LatestTraceScore>();
  const traces = viewed.filter((trace) => {
    if (!scoreFiltered) return true;
    const score = scores.get(trace.traceId);
    if (score === undefined) return false;
    if (filter.label !== undefined && score.label !== filter.label) return false;
    if (filter.passed !== undefined && score.passed !== filter.passed) return false;
    return filter.failedCriterion === undefined || score.failedCriteria.includes(filter.failedCriterion);
  });
  const byId = new Map(traces.map((trace) => [trace.traceId, trace]));
  const candidates: SampleCandidate[] = traces.map((trace) => ({
    traceId: trace.traceId,
    strata: strataOf(scores.get(trace.traceId), sample.strategy),
  }));
  const queues = sampleQueues(candidates, sample.strategy, sample.seed);
  const { items, skipped } = await drawRoundRobin(queues, sample.size, async (traceId) => {
    const summary = byId.get(traceId);
    if (summary === undefined) return null;
    return itemOf(summary, await reader.getTraceSpans(projectId, traceId), filter, scores.get(traceId));
  });
  return { items, matched: traces.length, skipped };
}
