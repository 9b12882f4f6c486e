// Contract: traceMetrics — buckets, groups (capped with `other`), filters, p95 and bounds, checked against a JS oracle.
import type { Span } from '@kaizen/core';
import { describe, expect, it } from 'vitest';
import {
  MAX_METRICS_BUCKETS,
  MAX_METRICS_GROUPS,
  type TraceMetrics,
  type TraceMetricsGroupBy,
  type TraceMetricsQuery,
} from '../../src/query/trace-metrics-query.js';
import { expectKaizenError } from './expect-kaizen-error.js';
import { isoAt, makeSpan, makeStepSpan, newTraceId } from './span-fixtures.js';
import type { StoreContext } from './store-context.js';

const DAY0 = '2025-06-01T00:00:00.000Z';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One trace as the test means it; `spansOf` writes it as spans, `oracle` aggregates it as the store should. */
interface TraceSpec {
  readonly offsetMs: number;
  readonly durationMs: number;
  readonly environment: string | null;
  /** Each model is one LLM span with `inputTokens`/`outputTokens`/`costUsd`; none: one step span, no usage. */
  readonly models: readonly string[];
  readonly prompt: readonly [string, string | null] | null;
  readonly error: boolean;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costUsd: number | null;
}

function spec(overrides: Partial<TraceSpec> = {}): TraceSpec {
  return {
    offsetMs: 0,
    durationMs: 100,
    environment: 'production',
    models: ['gpt-4o'],
    prompt: null,
    error: false,
    inputTokens: 10,
    outputTokens: 5,
    costUsd: 0.001,
    ...overrides,
  };
}

function spansOf(trace: TraceSpec): Span[] {
  const startTime = isoAt(DAY0, trace.offsetMs);
  const common = {
    traceId: newTraceId(),
    environment: trace.environment,
    promptName: trace.prompt?.[0] ?? null,
    promptVersion: trace.prompt?.[1] ?? null,
  };
  const usage = (model: string, index: number): Partial<Span> => ({
    model,
    inputTokens: trace.inputTokens,
    outputTokens: trace.outputTokens,
    totalTokens: trace.inputTokens + trace.outputTokens,
    costUsd: trace.costUsd,
    startTime: isoAt(startTime, index),
    durationMs: 1,
  });
  const status = trace.error ? 'error' : 'ok';
  const [only, ...more] = trace.models;
  if (only !== undefined && more.length === 0) {
    return [makeSpan({ ...common, ...usage(only, 0), startTime, durationMs: trace.durationMs, status })];
  }
  const root = makeStepSpan({ ...common, startTime, durationMs: trace.durationMs, status });
  return [
    root,
    ...trace.models.map((model, index) =>
      makeSpan({ ...common, ...usage(model, index), parentSpanId: root.spanId, promptName: null, promptVersion: null }),
    ),
  ];
}

function groupsOf(trace: TraceSpec, groupBy: TraceMetricsGroupBy): (string | null)[] {
  switch (groupBy) {
    case 'none':
      return [null];
    case 'environment':
      return [trace.environment];
    case 'promptVersion':
      return [trace.prompt === null ? null : trace.prompt[1] === null ? trace.prompt[0] : trace.prompt.join('@')];
    case 'model':
      return trace.models.length === 0 ? [null] : [...trace.models];
  }
}

/** percentile_cont(0.95): linear interpolation between the two ranks around 0.95 × (n − 1). */
function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (19 * (sorted.length - 1)) / 20;
  const low = Math.floor(position);
  const lowValue = sorted[low] ?? Number.NaN;
  return lowValue + (position - low) * ((sorted[low + 1] ?? lowValue) - lowValue);
}

/** What the store must answer, computed in memory; numbers rounded so both dialects' float sums compare equal. */
function oracle(traces: readonly TraceSpec[], query: TraceMetricsQuery): unknown {
  const width = query.bucket === 'hour' ? HOUR : DAY;
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  const inView = traces.filter((trace) => {
    const start = Date.parse(DAY0) + trace.offsetMs;
    return (
      start >= from &&
      start < to &&
      (query.environment === undefined || trace.environment === query.environment) &&
      (query.promptName === undefined || trace.prompt?.[0] === query.promptName) &&
      (query.model === undefined || trace.models.includes(query.model))
    );
  });
  const counts = new Map<string | null, number>();
  for (const trace of inView) {
    for (const group of groupsOf(trace, query.groupBy)) counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  const ranked = [...counts].sort(([a, countA], [b, countB]) =>
    countA !== countB ? countB - countA : a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const kept = ranked.slice(0, MAX_METRICS_GROUPS).map(([group]) => group);
  const series = new Map<string, { group: string | null; other: boolean; byBucket: Map<number, TraceSpec[]> }>();
  for (const group of kept) series.set(`=${group}`, { group, other: false, byBucket: new Map() });
  series.set('other', { group: null, other: true, byBucket: new Map() });
  for (const trace of inView) {
    const bucket = Math.floor((Date.parse(DAY0) + trace.offsetMs) / width) * width;
    for (const group of groupsOf(trace, query.groupBy)) {
      const entry = series.get(kept.includes(group) ? `=${group}` : 'other');
      const list = entry?.byBucket.get(bucket) ?? [];
      list.push(trace);
      entry?.byBucket.set(bucket, list);
    }
  }
  const sum = (list: readonly TraceSpec[], pick: (trace: TraceSpec) => number) =>
    list.reduce((total, trace) => total + pick(trace), 0);
  return {
    bucket: query.bucket,
    groupBy: query.groupBy,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    series: [...series.values()]
      .filter((entry) => entry.byBucket.size > 0)
      .map((entry) => ({
        group: entry.group,
        other: entry.other,
        points: [...entry.byBucket]
          .sort(([a], [b]) => a - b)
          .map(([bucket, list]) => {
            const priced = list.filter((trace) => trace.costUsd !== null && trace.models.length > 0);
            return rounded({
              start: new Date(bucket).toISOString(),
              traces: list.length,
              errors: list.filter((trace) => trace.error).length,
              inputTokens: sum(list, (trace) => trace.inputTokens * trace.models.length),
              outputTokens: sum(list, (trace) => trace.outputTokens * trace.models.length),
              costUsd: priced.length === 0 ? null : sum(priced, (trace) => (trace.costUsd ?? 0) * trace.models.length),
              latencyAvgMs: sum(list, (trace) => trace.durationMs) / list.length,
              latencyP95Ms: p95(list.map((trace) => trace.durationMs)),
            });
          }),
      })),
  };
}

function rounded<T extends object>(point: T): T {
  return Object.fromEntries(
    Object.entries(point).map(([key, value]) => [
      key,
      typeof value === 'number' ? Number(value.toPrecision(10)) : value,
    ]),
  ) as T;
}

function roundedMetrics(metrics: TraceMetrics): TraceMetrics {
  return { ...metrics, series: metrics.series.map((one) => ({ ...one, points: one.points.map(rounded) })) };
}

/** A fixed pseudo-random sequence (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

/** Traces over 7 days from a day before DAY0, spread over environments, models, prompts, durations, errors. */
function spreadTraces(count: number, seed: number): TraceSpec[] {
  const next = random(seed);
  return Array.from({ length: count }, () =>
    spec({
      offsetMs: Math.floor((next() * 7 - 1) * DAY),
      // At least 10 ms: the LLM spans of a two-model trace sit inside its root.
      durationMs: 10 + Math.round(next() * 5000) / 4,
      environment: pick(next, ['production', 'staging', 'dev', null]),
      models: pick(next, [['gpt-4o'], ['gpt-4o-mini'], ['claude-sonnet-4-5'], ['gpt-4o', 'gpt-4o-mini'], []]),
      prompt: pick(next, [['support', '1'], ['support', '2'], ['extract', '3'], ['extract', null], null] as const),
      error: next() < 0.1,
      inputTokens: Math.floor(next() * 1000),
      outputTokens: Math.floor(next() * 200),
      costUsd: next() < 0.2 ? null : Math.floor(next() * 1e6) / 1e9,
    }),
  );
}

async function seeded(context: StoreContext, traces: readonly TraceSpec[]): Promise<string> {
  const project = await context.project();
  await context.store.insertSpans(project.id, traces.flatMap(spansOf));
  return project.id;
}

const WEEK: Pick<TraceMetricsQuery, 'from' | 'to'> = { from: DAY0, to: isoAt(DAY0, 5 * DAY) };

export function describeTraceMetricsContract(context: StoreContext): void {
  describe('traceMetrics', () => {
    it('aggregates per day and per hour: counts, errors, tokens, cost, mean and p95 latency', async () => {
      const traces = [
        // Ten traces in one hour: p95 of 1..10 s is 9.55 s, interpolated as percentile_cont does.
        ...Array.from({ length: 10 }, (_, index) =>
          spec({ offsetMs: 12 * HOUR + index * 60_000, durationMs: (index + 1) * 1000, error: index === 0 }),
        ),
        spec({ offsetMs: 13 * HOUR, durationMs: 40, costUsd: null, models: [] }),
        spec({ offsetMs: DAY + 1, durationMs: 7, models: ['a', 'b'], inputTokens: 3, outputTokens: 1, costUsd: 0.5 }),
        // Outside the range: `to` is exclusive, a trace before `from` is left out.
        spec({ offsetMs: 2 * DAY }),
        spec({ offsetMs: -1 }),
      ];
      const id = await seeded(context, traces);
      const range = { from: DAY0, to: isoAt(DAY0, 2 * DAY) };
      const byDay = await context.store.traceMetrics(id, { ...range, bucket: 'day', groupBy: 'none' });
      expect(roundedMetrics(byDay)).toEqual({
        bucket: 'day',
        groupBy: 'none',
        ...range,
        series: [
          {
            group: null,
            other: false,
            points: [
              {
                start: DAY0,
                traces: 11,
                errors: 1,
                inputTokens: 100,
                outputTokens: 50,
                costUsd: 0.01,
                latencyAvgMs: 55_040 / 11,
                // 40 ms and 1..10 s: position 0.95 × 10 = 9.5, between 9 s and 10 s.
                latencyP95Ms: 9500,
              },
              {
                start: isoAt(DAY0, DAY),
                traces: 1,
                errors: 0,
                inputTokens: 6,
                outputTokens: 2,
                costUsd: 1,
                latencyAvgMs: 7,
                latencyP95Ms: 7,
              },
            ].map(rounded),
          },
        ],
      });
      const byHour = await context.store.traceMetrics(id, { ...range, bucket: 'hour', groupBy: 'none' });
      expect(roundedMetrics(byHour).series[0]?.points.slice(0, 2)).toEqual([
        rounded({
          start: isoAt(DAY0, 12 * HOUR),
          traces: 10,
          errors: 1,
          inputTokens: 100,
          outputTokens: 50,
          costUsd: 0.01,
          latencyAvgMs: 5500,
          latencyP95Ms: 9550,
        }),
        // No cost known: null, not 0; no usage: 0 tokens.
        rounded({
          start: isoAt(DAY0, 13 * HOUR),
          traces: 1,
          errors: 0,
          inputTokens: 0,
          outputTokens: 0,
          costUsd: null,
          latencyAvgMs: 40,
          latencyP95Ms: 40,
        }),
      ]);
    });

    it.each(['none', 'environment', 'model', 'promptVersion'] as const)(
      'matches the in-memory oracle over spread traces, grouped by %s',
      async (groupBy) => {
        const traces = spreadTraces(300, 7);
        const id = await seeded(context, traces);
        for (const bucket of ['day', 'hour'] as const) {
          const query: TraceMetricsQuery = { ...WEEK, bucket, groupBy };
          expect(roundedMetrics(await context.store.traceMetrics(id, query)), bucket).toEqual(oracle(traces, query));
        }
      },
    );

    it('filters on environment, prompt name and model (any model the trace used)', async () => {
      const traces = spreadTraces(200, 11);
      const id = await seeded(context, traces);
      for (const filter of [
        { environment: 'staging' },
        { promptName: 'support' },
        { model: 'gpt-4o-mini' },
        { environment: 'production', model: 'gpt-4o', promptName: 'extract' },
        { environment: 'nowhere' },
      ]) {
        const query: TraceMetricsQuery = { ...WEEK, bucket: 'day', groupBy: 'model', ...filter };
        expect(roundedMetrics(await context.store.traceMetrics(id, query)), JSON.stringify(filter)).toEqual(
          oracle(traces, query),
        );
      }
      // The series of one model is the view filtered on that model.
      const grouped = await context.store.traceMetrics(id, { ...WEEK, bucket: 'day', groupBy: 'model' });
      const filtered = await context.store.traceMetrics(id, {
        ...WEEK,
        bucket: 'day',
        groupBy: 'none',
        model: 'gpt-4o',
      });
      // Rounded: Postgres may add the same costs in another order.
      expect(roundedMetrics(grouped).series.find((one) => one.group === 'gpt-4o')?.points).toEqual(
        roundedMetrics(filtered).series[0]?.points,
      );
    });

    it(`keeps the ${MAX_METRICS_GROUPS} groups with most traces and sums the rest into one "other" series`, async () => {
      // env-00..env-18 have 30..12 traces; env-19, env-20, env-21 and traces without environment tie at 5:
      // ties go by value, null last, so env-19 is kept and the last three groups make `other`.
      const counts: [string | null, number][] = [
        ...Array.from({ length: 19 }, (_, group): [string, number] => [
          `env-${String(group).padStart(2, '0')}`,
          30 - group,
        ]),
        [null, 5],
        ['env-21', 5],
        ['env-20', 5],
        ['env-19', 5],
      ];
      const traces = counts.flatMap(([environment, count]) =>
        Array.from({ length: count }, (_, index) =>
          spec({ environment, offsetMs: index * 600_000, durationMs: count }),
        ),
      );
      const id = await seeded(context, traces);
      const query: TraceMetricsQuery = { ...WEEK, bucket: 'day', groupBy: 'environment' };
      const metrics = await context.store.traceMetrics(id, query);
      expect(metrics.series).toHaveLength(MAX_METRICS_GROUPS + 1);
      expect(metrics.series.slice(0, 3).map((one) => one.group)).toEqual(['env-00', 'env-01', 'env-02']);
      expect(metrics.series[MAX_METRICS_GROUPS - 1]?.group).toBe('env-19');
      expect(metrics.series.at(-1)).toMatchObject({ group: null, other: true });
      expect(metrics.series.at(-1)?.points[0]?.traces).toBe(15);
      expect(roundedMetrics(metrics)).toEqual(oracle(traces, query));
    });

    it(`refuses more than ${MAX_METRICS_BUCKETS} buckets, an empty range and bad values`, async () => {
      const { id } = await context.project();
      const { store } = context;
      const hours = (count: number) => ({ from: DAY0, to: isoAt(DAY0, count * HOUR), groupBy: 'none' as const });
      expect((await store.traceMetrics(id, { ...hours(MAX_METRICS_BUCKETS), bucket: 'hour' })).series).toEqual([]);
      await expectKaizenError(
        store.traceMetrics(id, { ...hours(MAX_METRICS_BUCKETS + 1), bucket: 'hour' }),
        'invalid_input',
        /2001 hour buckets/,
      );
      // Buckets touched, not the range's length: 1 h starting mid-bucket touches two.
      await expectKaizenError(
        store.traceMetrics(id, {
          from: isoAt(DAY0, 1),
          to: isoAt(DAY0, MAX_METRICS_BUCKETS * HOUR + 1),
          bucket: 'hour',
          groupBy: 'none',
        }),
        'invalid_input',
      );
      await expectKaizenError(
        store.traceMetrics(id, { ...WEEK, from: WEEK.to, bucket: 'day', groupBy: 'none' }),
        'invalid_input',
      );
      await expectKaizenError(
        store.traceMetrics(id, { ...WEEK, from: 'yesterday', bucket: 'day', groupBy: 'none' }),
        'invalid_input',
      );
      const bad = { ...WEEK, bucket: 'week', groupBy: 'none' } as unknown as TraceMetricsQuery;
      await expectKaizenError(store.traceMetrics(id, bad), 'invalid_input', /bucket/);
      const badGroup = { ...WEEK, bucket: 'day', groupBy: 'user' } as unknown as TraceMetricsQuery;
      await expectKaizenError(store.traceMetrics(id, badGroup), 'invalid_input', /groupBy/);
    });

    it("counts only the project's own traces", async () => {
      const mine = await seeded(context, [spec({ environment: 'mine' })]);
      await seeded(context, [spec({ environment: 'theirs' }), spec({ environment: 'mine' })]);
      const metrics = await context.store.traceMetrics(mine, { ...WEEK, bucket: 'day', groupBy: 'environment' });
      expect(metrics.series.map((one) => [one.group, one.points[0]?.traces])).toEqual([['mine', 1]]);
    });
  });
}
