// GET /api/metrics/timeseries over both stores: grouping, filters, defaults, bounds and every bad parameter as a 400,
// each project seeing only its traces; and the prompt label history the dashboard draws release markers from.
import type { Span } from '@kaizen/core';
import { isoAt, makeSpan, makeStepSpan } from '@kaizen/store/testing';
import { expect, it } from 'vitest';
import { BACKENDS } from './support/backends.js';
import { createProjectWithKey, useTestServer } from './support/test-server.js';

const DAY0 = '2025-06-01T00:00:00.000Z';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Metrics {
  readonly bucket: string;
  readonly groupBy: string;
  readonly from: string;
  readonly to: string;
  readonly series: {
    readonly group: string | null;
    readonly other: boolean;
    readonly points: { readonly start: string; readonly traces: number; readonly errors: number }[];
  }[];
}

/** Traces over three days: production and staging, two models (one trace uses both), two prompt versions. */
function dataset(): Span[] {
  const spans: Span[] = [];
  const add = (offsetMs: number, overrides: Partial<Span>) =>
    spans.push(makeSpan({ startTime: isoAt(DAY0, offsetMs), ...overrides }));
  for (let day = 0; day < 3; day += 1) {
    add(day * DAY + HOUR, { environment: 'production', model: 'gpt-4o', promptName: 'support', promptVersion: '1' });
    add(day * DAY + 2 * HOUR, {
      environment: 'production',
      model: 'gpt-4o-mini',
      promptName: 'support',
      promptVersion: '2',
      status: day === 2 ? 'error' : 'ok',
    });
    add(day * DAY + 3 * HOUR, {
      environment: 'staging',
      model: 'gpt-4o-mini',
      promptName: 'support',
      promptVersion: '2',
    });
  }
  const root = makeStepSpan({ startTime: isoAt(DAY0, 4 * HOUR), environment: 'staging', durationMs: 1000 });
  spans.push(
    root,
    makeSpan({ traceId: root.traceId, parentSpanId: root.spanId, startTime: root.startTime, model: 'gpt-4o' }),
    makeSpan({ traceId: root.traceId, parentSpanId: root.spanId, startTime: root.startTime, model: 'gpt-4o-mini' }),
  );
  return spans;
}

for (const backend of BACKENDS) {
  backend.describe(`trace metrics API over ${backend.name}`, () => {
    const context = useTestServer(backend, { webRoot: null });
    let seeded = false;
    async function metrics(query: Record<string, string>, key = context().key) {
      if (!seeded) {
        await context().store.insertSpans(context().project.id, dataset());
        seeded = true;
      }
      const response = await fetch(`${context().url}/api/metrics/timeseries?${new URLSearchParams(query)}`, {
        headers: { authorization: `Bearer ${key}` },
      });
      const body = (await response.json()) as Metrics & { error?: { message: string } };
      return { status: response.status, body };
    }
    const range = { from: DAY0, to: isoAt(DAY0, 3 * DAY) };
    const traces = (answer: { body: Metrics }) =>
      Object.fromEntries(answer.body.series.map((one) => [String(one.group), one.points.map((point) => point.traces)]));

    it('counts traces per day, in one series without grouping', async () => {
      const answer = await metrics({ ...range, bucket: 'day' });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ bucket: 'day', groupBy: 'none', ...range });
      expect(answer.body.series).toHaveLength(1);
      const [series] = answer.body.series;
      expect(series?.points.map((point) => [point.start, point.traces, point.errors])).toEqual([
        [DAY0, 4, 0],
        [isoAt(DAY0, DAY), 3, 0],
        [isoAt(DAY0, 2 * DAY), 3, 1],
      ]);
      expect(Object.keys(series?.points[0] ?? {}).sort()).toEqual(
        ['costUsd', 'errors', 'inputTokens', 'latencyAvgMs', 'latencyP95Ms', 'outputTokens', 'start', 'traces'].sort(),
      );
    });

    it('groups by environment, model (a two-model trace in both) and promptName@version', async () => {
      expect(traces(await metrics({ ...range, groupBy: 'environment' }))).toEqual({
        production: [2, 2, 2],
        staging: [2, 1, 1],
      });
      expect(traces(await metrics({ ...range, groupBy: 'model' }))).toEqual({
        'gpt-4o-mini': [3, 2, 2],
        'gpt-4o': [2, 1, 1],
      });
      expect(traces(await metrics({ ...range, groupBy: 'promptVersion' }))).toEqual({
        'support@2': [2, 2, 2],
        'support@1': [1, 1, 1],
        null: [1],
      });
      const hourly = await metrics({ ...range, bucket: 'hour', groupBy: 'environment', environment: 'staging' });
      expect(hourly.body.series.map((one) => [one.group, one.points.map((point) => point.start)])).toEqual([
        [
          'staging',
          [isoAt(DAY0, 3 * HOUR), isoAt(DAY0, 4 * HOUR), isoAt(DAY0, DAY + 3 * HOUR), isoAt(DAY0, 2 * DAY + 3 * HOUR)],
        ],
      ]);
    });

    it('filters on environment, prompt name and model', async () => {
      expect(traces(await metrics({ ...range, model: 'gpt-4o' }))).toEqual({ null: [2, 1, 1] });
      expect(traces(await metrics({ ...range, environment: 'production', groupBy: 'model' }))).toEqual({
        'gpt-4o': [1, 1, 1],
        'gpt-4o-mini': [1, 1, 1],
      });
      expect(traces(await metrics({ ...range, promptName: 'support', groupBy: 'promptVersion' }))).toEqual({
        'support@2': [2, 2, 2],
        'support@1': [1, 1, 1],
      });
      expect((await metrics({ ...range, promptName: 'nothing' })).body.series).toEqual([]);
    });

    it('defaults to the last 30 days by day, or the last 24 hours by hour', async () => {
      const byDay = await metrics({});
      expect(byDay.status).toBe(200);
      expect(Date.parse(byDay.body.to) - Date.parse(byDay.body.from)).toBe(30 * DAY);
      expect(Math.abs(Date.parse(byDay.body.to) - Date.now())).toBeLessThan(60_000);
      const byHour = await metrics({ bucket: 'hour', to: isoAt(DAY0, DAY) });
      expect(byHour.body.from).toBe(DAY0);
      expect(traces(byHour)).toEqual({ null: [1, 1, 1, 1] });
    });

    it.each([
      [{ bucket: 'week' }, /bucket/],
      [{ groupBy: 'user' }, /groupBy/],
      [{ from: 'last week' }, /from.*ISO 8601/],
      [{ to: '2025-13-45' }, /to/],
      [{ environment: '' }, /environment/],
      [{ model: 'x'.repeat(1001) }, /model/],
      [{ limit: '5' }, /limit/],
      [{ from: isoAt(DAY0, DAY), to: DAY0 }, /before "to"/],
      [{ from: DAY0, to: DAY0 }, /before "to"/],
      [{ from: DAY0, to: isoAt(DAY0, 2001 * HOUR), bucket: 'hour' }, /2001 hour buckets.*at most 2000/],
      [{ from: '2000-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z', bucket: 'day' }, /at most 2000/],
    ] as [Record<string, string>, RegExp][])('answers 400 to %o', async (query, message) => {
      const answer = await metrics(query);
      expect(answer.status).toBe(400);
      expect(answer.body.error?.message).toMatch(message);
    });

    it('refuses a parameter given twice', async () => {
      const response = await fetch(`${context().url}/api/metrics/timeseries?bucket=day&bucket=hour`, {
        headers: { authorization: `Bearer ${context().key}` },
      });
      expect(response.status).toBe(400);
    });

    it('shows each project only its own traces, and nothing without a key', async () => {
      await metrics(range);
      const other = await createProjectWithKey(context().store, 'other');
      expect((await metrics(range, other.key)).body.series).toEqual([]);
      await context().store.insertSpans(other.project.id, [makeSpan({ startTime: isoAt(DAY0, HOUR) })]);
      expect(traces(await metrics(range, other.key))).toEqual({ null: [1] });
      expect(traces(await metrics(range))).toEqual({ null: [4, 3, 3] });
      expect((await fetch(`${context().url}/api/metrics/timeseries`)).status).toBe(401);
    });

    it('gives the label moves of a prompt with their times, for release markers', async () => {
      const call = (method: string, path: string, body?: unknown) =>
        fetch(`${context().url}${path}`, {
          method,
          headers: { authorization: `Bearer ${context().key}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      for (const template of ['v1 {{x}}', 'v2 {{x}}']) {
        expect((await call('POST', '/api/prompts/release/versions', { template })).status).toBe(201);
      }
      const before = Date.now();
      expect((await call('PUT', '/api/prompts/release/labels/production', { version: 1 })).status).toBe(200);
      expect((await call('PUT', '/api/prompts/release/labels/production', { version: 2 })).status).toBe(200);
      expect((await call('POST', '/api/prompts/release/labels/production/rollback', {})).status).toBe(200);
      const history = (await (await call('GET', '/api/prompts/release/history')).json()) as {
        items: { label: string; kind: string; fromVersion: number | null; toVersion: number; at: string }[];
      };
      expect(
        history.items.map(({ label, kind, fromVersion, toVersion }) => [label, kind, fromVersion, toVersion]),
      ).toEqual([
        ['production', 'rollback', 2, 1],
        ['production', 'promote', 1, 2],
        ['production', 'promote', null, 1],
      ]);
      for (const item of history.items) expect(Date.parse(item.at)).toBeGreaterThanOrEqual(before - 1000);
    });
  });
}
