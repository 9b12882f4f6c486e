// Contract: insertSpans writes exactly what it was given, once, atomically, and keeps trace summaries right, whether
// it is given Span objects or the same spans encoded by encodeSpans (as the ingest worker threads send them).
import type { Span } from '@kaizen/core';
import { SPAN_KINDS } from '@kaizen/core';
import { describe, expect, it } from 'vitest';
import { encodeSpans } from '../../src/rows/encode-spans.js';
import type { InsertSpansResult, Store } from '../../src/store.js';
import { expectKaizenError } from './expect-kaizen-error.js';
import { isoAt, makeSpan, makeStepSpan, newSpanId, newTraceId } from './span-fixtures.js';
import type { StoreContext } from './store-context.js';

const UNICODE = 'héllo wörld — 日本語 🚀 مرحبا «quotes» "double" \\ back\\slash\n\ttab';

function bigAttributes(): Record<string, unknown> {
  const attributes: Record<string, unknown> = {
    resource: { 'service.name': 'checkout', 'telemetry.sdk.language': 'nodejs' },
    events: [{ name: 'exception', time: '2025-03-01T12:00:00.100Z', attributes: { 'exception.type': 'Error' } }],
    'long.text': 'x'.repeat(200_000),
    nested: { deep: { deeper: { values: [1, 2.5, -3, true, false, null, 'a'] } } },
  };
  for (let index = 0; index < 2000; index += 1)
    attributes[`custom.key.${index}`] = index % 2 === 0 ? index : `v${index}`;
  return attributes;
}

type Insert = (store: Store, projectId: string, spans: readonly Span[]) => Promise<InsertSpansResult>;

const FORMS: Readonly<Record<string, Insert>> = {
  'Span objects': (store, projectId, spans) => store.insertSpans(projectId, spans),
  // Through a structured clone, as the encoded batch crosses from the worker thread to the event loop.
  'spans encoded by encodeSpans': async (store, projectId, spans) =>
    store.insertSpans(projectId, structuredClone(encodeSpans(spans))),
};

export function describeInsertContract(context: StoreContext): void {
  for (const [form, insert] of Object.entries(FORMS)) describeInsertForm(context, form, insert);
}

function describeInsertForm(context: StoreContext, form: string, insert: Insert): void {
  describe(`insertSpans (${form})`, () => {
    it('returns zero counts for an empty batch', async () => {
      const project = await context.project();
      expect(await insert(context.store, project.id, [])).toEqual({ inserted: 0, duplicates: 0 });
    });

    it('reads back every field exactly', async () => {
      const project = await context.project();
      const traceId = newTraceId();
      const root = makeStepSpan({
        traceId,
        name: `agent ${UNICODE}`,
        kind: 'agent',
        startTime: '2025-03-01T12:00:00.001Z',
        durationMs: 1234.567891,
        status: 'error',
        statusMessage: `boom: ${UNICODE}`,
        input: `plain string input ${UNICODE}`,
        output: '',
        promptName: 'checkout/answer',
        promptVersion: '7',
        environment: 'staging',
        sessionId: 'session-1',
        userId: 'user-ü',
        attributes: bigAttributes(),
      });
      const zeroUsage = makeSpan({
        traceId,
        parentSpanId: root.spanId,
        startTime: '2025-03-01T12:00:00.002Z',
        inputTokens: 0,
        outputTokens: 0,
        totalTokens: 0,
        costUsd: 0,
        input: [
          { role: 'user', content: UNICODE, name: 'alice' },
          {
            role: 'assistant',
            content: '',
            toolCalls: [{ id: 'call_1', name: 'lookup', arguments: '{"q":"Paris \\"FR\\""}' }],
          },
          { role: 'tool', content: '{"result":42}', toolCallId: 'call_1' },
        ],
      });
      const nullUsage = makeSpan({
        traceId,
        parentSpanId: root.spanId,
        kind: 'embedding',
        startTime: '2025-03-01T12:00:00.003Z',
        durationMs: 0.001,
        model: 'text-embedding-3-small',
        inputTokens: null,
        outputTokens: null,
        totalTokens: null,
        costUsd: null,
        input: null,
        output: null,
        attributes: {},
      });
      const large = makeSpan({
        traceId,
        parentSpanId: zeroUsage.spanId,
        startTime: '2025-03-01T12:00:00.004Z',
        inputTokens: 2 ** 40,
        outputTokens: 1,
        totalTokens: 2 ** 40 + 1,
        costUsd: 0.1 + 0.2,
      });
      const spans = [root, zeroUsage, nullUsage, large];
      expect(await insert(context.store, project.id, spans)).toEqual({ inserted: 4, duplicates: 0 });
      expect(await context.store.getTraceSpans(project.id, traceId)).toStrictEqual(spans);
    });

    it('accepts every span kind', async () => {
      const project = await context.project();
      const traceId = newTraceId();
      const spans = SPAN_KINDS.map((kind) => makeSpan({ traceId, kind }));
      expect(await insert(context.store, project.id, spans)).toEqual({
        inserted: SPAN_KINDS.length,
        duplicates: 0,
      });
    });

    it('keeps microsecond start times', async () => {
      const project = await context.project();
      const span = makeSpan({ startTime: '2025-03-01T12:00:00.123456Z', endTime: '2025-03-01T12:00:00.373956Z' });
      await insert(context.store, project.id, [span]);
      expect(await context.store.getTraceSpans(project.id, span.traceId)).toStrictEqual([span]);
    });

    it('reads the spans of many traces at once, each in getTraceSpans order, unknown traces absent', async () => {
      const project = await context.project();
      const root = makeSpan({ name: 'root' });
      const child = makeSpan({ traceId: root.traceId, parentSpanId: root.spanId, startTime: isoAt(root.startTime, 5) });
      const other = makeSpan({ name: 'other' });
      await insert(context.store, project.id, [child, other, root]);
      const spans = await context.store.getSpansOfTraces(project.id, [other.traceId, root.traceId, newTraceId()]);
      expect([...spans.keys()].sort()).toEqual([other.traceId, root.traceId].sort());
      expect(spans.get(root.traceId)).toStrictEqual(await context.store.getTraceSpans(project.id, root.traceId));
      expect(spans.get(other.traceId)).toStrictEqual([other]);
      expect((await context.store.getSpansOfTraces(project.id, [])).size).toBe(0);
      const stranger = await context.project();
      expect((await context.store.getSpansOfTraces(stranger.id, [root.traceId])).size).toBe(0);
    });

    it('counts a re-sent batch as duplicates and changes nothing', async () => {
      const project = await context.project();
      const root = makeSpan({ name: 'first version' });
      const child = makeSpan({ traceId: root.traceId, parentSpanId: root.spanId, startTime: isoAt(root.startTime, 5) });
      await insert(context.store, project.id, [root, child]);
      const before = await context.store.listTraces(project.id, {});
      const changed: Span = { ...root, name: 'second version', inputTokens: 999 };
      const fresh = makeSpan({ traceId: root.traceId, parentSpanId: root.spanId });
      expect(await insert(context.store, project.id, [changed, child])).toEqual({ inserted: 0, duplicates: 2 });
      expect(await context.store.listTraces(project.id, {})).toEqual(before);
      expect(await context.store.getTraceSpans(project.id, root.traceId)).toStrictEqual([root, child]);
      expect(await insert(context.store, project.id, [child, fresh, fresh])).toEqual({
        inserted: 1,
        duplicates: 2,
      });
    });

    it('summarises a new trace once per span when the batch repeats a span', async () => {
      const project = await context.project();
      const root = makeStepSpan({ name: 'root' });
      const call = makeSpan({ traceId: root.traceId, parentSpanId: root.spanId, startTime: isoAt(root.startTime, 1) });
      const resent: Span = { ...call, name: 'resent copy', inputTokens: 999 };
      expect(await insert(context.store, project.id, [root, call, resent])).toEqual({ inserted: 2, duplicates: 1 });
      const [summary] = (await context.store.listTraces(project.id, {})).items;
      expect(summary).toMatchObject({ rootName: 'root', spanCount: 2, inputTokens: 30, totalTokens: 42 });
      expect(await context.store.getTraceSpans(project.id, root.traceId)).toStrictEqual([root, call]);
    });

    it('summarises a trace whose child arrived before its parent', async () => {
      const project = await context.project();
      const traceId = newTraceId();
      const rootId = newSpanId();
      // The agent span repeats its model call's usage (as AI SDK spans do); totals must count it once.
      const call = makeSpan({
        traceId,
        parentSpanId: rootId,
        name: 'chat',
        startTime: '2025-03-01T12:00:01.000Z',
        durationMs: 500,
        environment: null,
      });
      await insert(context.store, project.id, [call]);
      const early = (await context.store.listTraces(project.id, {})).items[0];
      expect(early).toMatchObject({ traceId, rootName: 'chat', spanCount: 1, totalTokens: 42 });

      const root = makeSpan({
        traceId,
        spanId: rootId,
        name: 'invoke_agent checkout',
        kind: 'agent',
        startTime: '2025-03-01T12:00:00.000Z',
        durationMs: 2000,
        model: 'gpt-4o',
        status: 'error',
        environment: 'production',
        promptName: 'checkout',
        promptVersion: '3',
      });
      await insert(context.store, project.id, [root]);
      const page = await context.store.listTraces(project.id, {});
      expect(page.items).toStrictEqual([
        {
          traceId,
          rootName: 'invoke_agent checkout',
          startTime: '2025-03-01T12:00:00.000Z',
          endTime: '2025-03-01T12:00:02.000Z',
          durationMs: 2000,
          models: ['gpt-4o', 'gpt-4o-mini'],
          inputTokens: 30,
          outputTokens: 12,
          totalTokens: 42,
          costUsd: 0.0000117,
          status: 'error',
          environment: 'production',
          promptName: 'checkout',
          promptVersion: '3',
          sessionId: null,
          userId: null,
          spanCount: 2,
        },
      ]);
    });

    it('summarises concurrent inserts into one trace from all their spans', async () => {
      const project = await context.project();
      const root = makeStepSpan({ name: 'root' });
      const children = Array.from({ length: 12 }, (_, index) =>
        makeSpan({ traceId: root.traceId, parentSpanId: root.spanId, startTime: isoAt(root.startTime, index + 1) }),
      );
      await Promise.all([root, ...children].map((span) => insert(context.store, project.id, [span])));
      const [summary] = (await context.store.listTraces(project.id, {})).items;
      expect(summary).toMatchObject({ rootName: 'root', spanCount: 13, inputTokens: 12 * 30, totalTokens: 12 * 42 });
    });

    it('writes nothing when one span of the batch is invalid', async () => {
      const project = await context.project();
      const good = makeSpan();
      const otherTrace = makeSpan();
      const badKind = { ...makeSpan({ traceId: good.traceId }), kind: 'bogus' } as unknown as Span;
      await expectKaizenError(insert(context.store, project.id, [good, badKind, otherTrace]), 'invalid_input');
      const missingName = { ...makeSpan({ traceId: good.traceId }), name: null } as unknown as Span;
      await expectKaizenError(insert(context.store, project.id, [good, otherTrace, missingName]), 'invalid_input');
      const fractionalTokens = makeSpan({ traceId: good.traceId, inputTokens: 1.5 });
      await expectKaizenError(insert(context.store, project.id, [good, fractionalTokens]), 'invalid_input');
      const badTime = makeSpan({ startTime: 'yesterday', endTime: 'today' });
      await expectKaizenError(insert(context.store, project.id, [good, badTime]), 'invalid_input', /startTime/);
      expect(await context.store.getTraceSpans(project.id, good.traceId)).toEqual([]);
      expect(await context.store.getTraceSpans(project.id, otherTrace.traceId)).toEqual([]);
      expect((await context.store.listTraces(project.id, {})).items).toEqual([]);
      expect(await insert(context.store, project.id, [good, otherTrace])).toEqual({ inserted: 2, duplicates: 0 });
    });

    it('rejects spans for an unknown project with not_found', async () => {
      await expectKaizenError(insert(context.store, '00000000-0000-4000-8000-000000000000', [makeSpan()]), 'not_found');
    });
  });
}
