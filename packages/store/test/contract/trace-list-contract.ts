// Contract: listTraces filters, order and keyset pagination.
import type { TraceSummary } from '@kaizen/core';
import { describe, expect, it } from 'vitest';
import type { Store, TraceQuery } from '../../src/store.js';
import { expectKaizenError } from './expect-kaizen-error.js';
import { isoAt, makeSpan, makeStepSpan } from './span-fixtures.js';
import type { StoreContext } from './store-context.js';

const T0 = '2025-03-01T12:00:00.000Z';
const HOUR = 3_600_000;

async function traceIds(store: Store, projectId: string, query: TraceQuery): Promise<string[]> {
  return (await store.listTraces(projectId, query)).items.map((item) => item.traceId);
}

async function allPages(store: Store, projectId: string, query: TraceQuery): Promise<TraceSummary[]> {
  const items: TraceSummary[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listTraces(projectId, cursor === null ? query : { ...query, cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
}

const newestFirst = (a: TraceSummary, b: TraceSummary) =>
  a.startTime !== b.startTime ? (a.startTime < b.startTime ? 1 : -1) : a.traceId < b.traceId ? 1 : -1;

export function describeTraceListContract(context: StoreContext): void {
  describe('listTraces filters', () => {
    it('filters on start time, from inclusive and to exclusive', async () => {
      const project = await context.project();
      const spans = [0, 1, 2].map((hours) => makeSpan({ startTime: isoAt(T0, hours * HOUR) }));
      await context.store.insertSpans(project.id, spans);
      const [early, middle, late] = spans.map((span) => span.traceId);
      const from = isoAt(T0, HOUR);
      expect(await traceIds(context.store, project.id, { from })).toEqual([late, middle]);
      expect(await traceIds(context.store, project.id, { to: from })).toEqual([early]);
      expect(await traceIds(context.store, project.id, { from, to: isoAt(T0, 2 * HOUR) })).toEqual([middle]);
    });

    it('filters on environment and status of the trace', async () => {
      const project = await context.project();
      const staging = makeSpan({ environment: 'staging', startTime: isoAt(T0, 1) });
      const failing = makeStepSpan({ startTime: isoAt(T0, 2) });
      const failingChild = makeSpan({ traceId: failing.traceId, parentSpanId: failing.spanId, status: 'error' });
      await context.store.insertSpans(project.id, [staging, failing, failingChild]);
      expect(await traceIds(context.store, project.id, { environment: 'staging' })).toEqual([staging.traceId]);
      expect(await traceIds(context.store, project.id, { status: 'error' })).toEqual([failing.traceId]);
      expect(await traceIds(context.store, project.id, { status: 'ok' })).toEqual([staging.traceId]);
      expect(await traceIds(context.store, project.id, { status: 'ok', environment: 'production' })).toEqual([]);
    });

    it('filters on the model of any span', async () => {
      const project = await context.project();
      const root = makeStepSpan({ startTime: isoAt(T0, 1) });
      const child = makeSpan({
        traceId: root.traceId,
        parentSpanId: root.spanId,
        startTime: root.startTime,
        model: 'claude-sonnet-4',
      });
      const other = makeSpan({ startTime: isoAt(T0, 2) });
      await context.store.insertSpans(project.id, [root, child, other]);
      expect(await traceIds(context.store, project.id, { model: 'claude-sonnet-4' })).toEqual([root.traceId]);
      expect(await traceIds(context.store, project.id, { model: 'gpt-4o-mini' })).toEqual([other.traceId]);
    });

    it('filters on prompt name and version carried by the same span', async () => {
      const project = await context.project();
      const v2 = makeStepSpan({ startTime: isoAt(T0, 1) });
      const v2Child = makeSpan({
        traceId: v2.traceId,
        parentSpanId: v2.spanId,
        startTime: v2.startTime,
        promptName: 'refund',
        promptVersion: '2',
      });
      const v1 = makeSpan({ startTime: isoAt(T0, 2), promptName: 'refund', promptVersion: '1' });
      const mixed = makeSpan({ startTime: isoAt(T0, 3), promptName: 'refund', promptVersion: null });
      const mixedChild = makeSpan({
        traceId: mixed.traceId,
        parentSpanId: mixed.spanId,
        startTime: mixed.startTime,
        promptName: 'greeting',
        promptVersion: '2',
      });
      await context.store.insertSpans(project.id, [v2, v2Child, v1, mixed, mixedChild]);
      const ids = (query: TraceQuery) => traceIds(context.store, project.id, query);
      expect(await ids({ promptName: 'refund' })).toEqual([mixed.traceId, v1.traceId, v2.traceId]);
      expect(await ids({ promptName: 'refund', promptVersion: '2' })).toEqual([v2.traceId]);
      expect(await ids({ promptVersion: '2' })).toEqual([mixed.traceId, v2.traceId]);
    });

    it('searches input and output text, ignoring case and treating wildcards literally', async () => {
      const project = await context.project();
      const inInput = makeSpan({
        startTime: isoAt(T0, 1),
        input: [{ role: 'user', content: 'Where is my ORDER #123? I paid 100% upfront, ref a_b' }],
      });
      const inOutput = makeSpan({ startTime: isoAt(T0, 2), output: 'Your order #123 ships "tomorrow"' });
      const decoy = makeSpan({ startTime: isoAt(T0, 3), input: 'order #1234 paid 1000 upfront, ref axb' });
      const root = makeStepSpan({ startTime: isoAt(T0, 4) });
      const nested = makeSpan({
        traceId: root.traceId,
        parentSpanId: root.spanId,
        startTime: root.startTime,
        output: [{ role: 'assistant', content: 'Refund issued' }],
      });
      await context.store.insertSpans(project.id, [inInput, inOutput, decoy, root, nested]);
      const ids = (q: string) => traceIds(context.store, project.id, { q });
      expect(await ids('order #123')).toEqual([decoy.traceId, inOutput.traceId, inInput.traceId]);
      expect(await ids('order #123?')).toEqual([inInput.traceId]);
      expect(await ids('100%')).toEqual([inInput.traceId]);
      expect(await ids('a_b')).toEqual([inInput.traceId]);
      expect(await ids('ships "TOMORROW"')).toEqual([inOutput.traceId]);
      expect(await ids('refund ISSUED')).toEqual([root.traceId]);
      expect(await ids('no such text')).toEqual([]);
    });
  });

  describe('listTraces pages', () => {
    it('orders by start time then trace id, newest first, and pages without gaps or overlaps', async () => {
      const project = await context.project();
      // 23 traces over 5 start times: most share their start time with others, so ties decide many boundaries.
      const spans = Array.from({ length: 23 }, (_, index) => makeSpan({ startTime: isoAt(T0, (index % 5) * 1000) }));
      await context.store.insertSpans(project.id, spans);
      const everything = (await context.store.listTraces(project.id, { limit: 1000 })).items;
      expect(everything).toHaveLength(23);
      expect([...everything].sort(newestFirst)).toEqual(everything);
      for (const limit of [1, 4, 5, 22, 23]) {
        expect(await allPages(context.store, project.id, { limit })).toEqual(everything);
      }
      const exact = await context.store.listTraces(project.id, { limit: 23 });
      expect(exact.nextCursor).toBeNull();
    });

    it('keeps paging stable while newer traces arrive', async () => {
      const project = await context.project();
      const spans = Array.from({ length: 10 }, (_, index) => makeSpan({ startTime: isoAt(T0, index) }));
      await context.store.insertSpans(project.id, spans);
      const first = await context.store.listTraces(project.id, { limit: 4 });
      await context.store.insertSpans(project.id, [makeSpan({ startTime: isoAt(T0, HOUR) })]);
      const rest = await allPages(context.store, project.id, { limit: 4, cursor: first.nextCursor ?? '' });
      const seen = [...first.items, ...rest].map((item) => item.traceId);
      expect(new Set(seen).size).toBe(10);
      expect(seen.sort()).toEqual(spans.map((span) => span.traceId).sort());
    });

    it('applies filters on every page', async () => {
      const project = await context.project();
      const spans = Array.from({ length: 12 }, (_, index) =>
        makeSpan({ startTime: isoAt(T0, index), environment: index % 3 === 0 ? 'staging' : 'production' }),
      );
      await context.store.insertSpans(project.id, spans);
      const staging = await allPages(context.store, project.id, { environment: 'staging', limit: 3 });
      expect(staging.map((item) => item.environment)).toEqual(['staging', 'staging', 'staging', 'staging']);
    });

    it('returns 50 traces by default', async () => {
      const project = await context.project();
      await context.store.insertSpans(
        project.id,
        Array.from({ length: 51 }, (_, index) => makeSpan({ startTime: isoAt(T0, index) })),
      );
      const page = await context.store.listTraces(project.id, {});
      expect(page.items).toHaveLength(50);
      expect(page.nextCursor).not.toBeNull();
    });

    it('rejects a malformed cursor, limit or time with invalid_input', async () => {
      const project = await context.project();
      const list = (query: TraceQuery) => context.store.listTraces(project.id, query);
      await expectKaizenError(list({ cursor: 'not a cursor!' }), 'invalid_input', /cursor/);
      await expectKaizenError(list({ cursor: 'abc' }), 'invalid_input', /cursor/);
      await expectKaizenError(
        list({ cursor: Buffer.from('{"a":1}').toString('base64url') }),
        'invalid_input',
        /cursor/,
      );
      await expectKaizenError(list({ cursor: Buffer.from('[1.5,"x"]').toString('base64url') }), 'invalid_input');
      for (const limit of [0, 1001, 2.5, Number.NaN]) {
        await expectKaizenError(list({ limit }), 'invalid_input', /limit/);
      }
      await expectKaizenError(list({ from: 'last tuesday' }), 'invalid_input', /from/);
    });
  });
}
