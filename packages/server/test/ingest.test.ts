// Ingest and query semantics over both stores: ordering, int64, gzip, duplicates, partial success, isolation, filters.
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { findTraceSummary, getTrace, listTraces, spanNamed } from './support/api-client.js';
import { BACKENDS, SQLITE } from './support/backends.js';
import { at, bearer, exportSpans, startChild, traceIdOf, WIRES } from './support/otel-export.js';
import { jsonRequest, jsonSpan, newSpanId, newTraceId, postTraces } from './support/otlp-json.js';
import { createProjectWithKey, useTestServer } from './support/test-server.js';

// Batches are decoded in worker threads by default; the SQLite run is repeated inline (ingestWorkers: 0).
const RUNS = [
  ...BACKENDS.map((backend) => ({ backend, label: backend.name, options: {} })),
  { backend: SQLITE, label: 'sqlite, decoding inline', options: { ingestWorkers: 0 } },
];

for (const { backend, label, options } of RUNS) {
  backend.describe(`ingest over ${label}`, () => {
    const context = useTestServer(backend, options);
    const endpoint = () => `${context().url}/v1/traces`;

    it('stores a child that arrives in an earlier request than its parent', async () => {
      let traceId = '';
      await exportSpans(
        { url: endpoint(), headers: bearer(context().key), wire: 'protobuf' },
        async (tracer, { flush }) => {
          const parent = tracer.startSpan('agent run', { startTime: at(0) });
          traceId = traceIdOf(parent);
          startChild(tracer, parent, 'chat gpt-4o', {
            startTime: at(10),
            attributes: { 'gen_ai.request.model': 'gpt-4o', 'gen_ai.usage.input_tokens': 5 },
          }).end(at(50));
          await flush();
          // The child is stored alone: its trace is listed under its own name until the root arrives.
          expect((await getTrace(context().url, context().key, traceId)).spans.map((span) => span.name)).toEqual([
            'chat gpt-4o',
          ]);
          parent.end(at(100));
        },
      );
      const detail = await getTrace(context().url, context().key, traceId);
      const parent = spanNamed(detail, 'agent run');
      expect(spanNamed(detail, 'chat gpt-4o').parentSpanId).toBe(parent.spanId);
      expect(await findTraceSummary(context().url, context().key, traceId)).toMatchObject({
        rootName: 'agent run',
        spanCount: 2,
        durationMs: 100,
        inputTokens: 5,
      });
    });

    it('keeps 64-bit integers from protobuf exactly (numbers when safe, decimal strings beyond 2^53)', async () => {
      let traceId = '';
      await exportSpans({ url: endpoint(), headers: bearer(context().key), wire: 'protobuf' }, (tracer) => {
        const span = tracer.startSpan('int64', {
          startTime: at(0),
          attributes: {
            'gen_ai.usage.input_tokens': 123456789,
            'app.big': 2 ** 60,
            'app.negative': -42,
            'app.ratio': 0.5,
          },
        });
        traceId = traceIdOf(span);
        span.end(at(1));
      });
      const span = spanNamed(await getTrace(context().url, context().key, traceId), 'int64');
      expect(span.inputTokens).toBe(123456789);
      expect(span.attributes).toMatchObject({
        'app.big': '1152921504606846976',
        'app.negative': -42,
        'app.ratio': 0.5,
      });
    });

    it.each(WIRES)('accepts gzip-compressed exports (%s)', async (wire) => {
      let traceId = '';
      await exportSpans({ url: endpoint(), headers: bearer(context().key), wire, gzip: true }, (tracer) => {
        const span = tracer.startSpan(`gzip ${wire}`, {
          startTime: at(0),
          attributes: { 'app.padding': 'x'.repeat(5000) },
        });
        traceId = traceIdOf(span);
        span.end(at(1));
      });
      expect(
        spanNamed(await getTrace(context().url, context().key, traceId), `gzip ${wire}`).attributes['app.padding'],
      ).toHaveLength(5000);
    });

    it('accepts a deflate body and a content type with parameters', async () => {
      const traceId = newTraceId();
      const { deflateSync } = await import('node:zlib');
      const response = await postTraces(
        context().url,
        context().key,
        deflateSync(jsonRequest([jsonSpan({ traceId })])),
        {
          'content-type': 'application/json; charset=utf-8',
          'content-encoding': 'deflate',
        },
      );
      expect(response.status).toBe(200);
      expect((await getTrace(context().url, context().key, traceId)).spans).toHaveLength(1);
    });

    it('never duplicates re-sent spans (exporter retries), within or across requests', async () => {
      const traceId = newTraceId();
      const root = jsonSpan({ traceId, name: 'root' });
      const child = jsonSpan({
        traceId,
        parentSpanId: root.spanId,
        name: 'child',
        attributes: { 'gen_ai.usage.input_tokens': 7 },
      });
      const body = jsonRequest([root, child, child]);
      for (let attempt = 0; attempt < 3; attempt++) {
        const response = await postTraces(context().url, context().key, gzipSync(body), { 'content-encoding': 'gzip' });
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({});
      }
      expect((await getTrace(context().url, context().key, traceId)).spans).toHaveLength(2);
      expect(await findTraceSummary(context().url, context().key, traceId)).toMatchObject({
        spanCount: 2,
        inputTokens: 7,
      });
    });

    it('answers partial success (JSON) for invalid spans and stores the valid ones', async () => {
      const traceId = newTraceId();
      const body = jsonRequest([
        jsonSpan({ traceId, name: 'good one' }),
        jsonSpan({ traceId: 'not-hex' }),
        jsonSpan({ traceId, name: 'good two' }),
        jsonSpan({ traceId, name: '' }),
      ]);
      const response = await postTraces(context().url, context().key, body);
      expect(response.status).toBe(200);
      const answer = (await response.json()) as { partialSuccess: { rejectedSpans: string; errorMessage: string } };
      expect(answer.partialSuccess.rejectedSpans).toBe('2');
      expect(answer.partialSuccess.errorMessage).toContain(
        'resourceSpans[0].scopeSpans[0].spans[1].traceId: expected 32 hex characters',
      );
      expect(answer.partialSuccess.errorMessage).toContain('resourceSpans[0].scopeSpans[0].spans[3].name: required');
      const names = (await getTrace(context().url, context().key, traceId)).spans.map((span) => span.name).sort();
      expect(names).toEqual(['good one', 'good two']);
    });

    it('answers partial success in protobuf for a protobuf request', async () => {
      const { bytesField, concat, hexBytes, request, span } = await import('./support/proto-writer.js');
      const traceId = newTraceId();
      const body = request([
        span({ traceId: hexBytes(traceId), spanId: hexBytes(newSpanId()) }),
        span({ traceId: hexBytes(traceId), spanId: hexBytes('00') }),
      ]);
      const response = await postTraces(context().url, context().key, body, {
        'content-type': 'application/x-protobuf',
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/x-protobuf');
      const bytes = new Uint8Array(await response.arrayBuffer());
      const message = 'resourceSpans[0].scopeSpans[0].spans[1].spanId: expected 8 bytes, got 1';
      const expected = bytesField(
        1,
        concat([0x08, 1], bytesField(2, new TextEncoder().encode(`1 span rejected: ${message}`))),
      );
      expect([...bytes]).toEqual([...expected]);
      expect((await getTrace(context().url, context().key, traceId)).spans).toHaveLength(1);
    });

    it('isolates projects: a key of project B never reads or writes project A’s traces', async () => {
      const other = await createProjectWithKey(context().store, 'other');
      const traceId = newTraceId();
      const spanId = newSpanId();
      await postTraces(context().url, context().key, jsonRequest([jsonSpan({ traceId, spanId, name: 'a-span' })]));
      // B sends a span with the very same ids: it lands in B, A's span is untouched.
      const response = await postTraces(
        context().url,
        other.key,
        jsonRequest([jsonSpan({ traceId, spanId, name: 'b-span' })]),
      );
      expect(response.status).toBe(200);
      expect((await getTrace(context().url, context().key, traceId)).spans.map((span) => span.name)).toEqual([
        'a-span',
      ]);
      expect((await getTrace(context().url, other.key, traceId)).spans.map((span) => span.name)).toEqual(['b-span']);
      const onlyA = newTraceId();
      await postTraces(context().url, context().key, jsonRequest([jsonSpan({ traceId: onlyA })]));
      const fromB = await fetch(`${context().url}/api/traces/${onlyA}`, { headers: bearer(other.key) });
      expect(fromB.status).toBe(404);
      const listB = await listTraces(context().url, other.key, { limit: '1000' });
      expect(listB.items.map((item) => item.traceId)).not.toContain(onlyA);
    });

    it('filters and pages GET /api/traces', async () => {
      const { key } = await createProjectWithKey(context().store, 'query');
      const base = Date.UTC(2025, 0, 10);
      const sent = [
        { name: 'a', env: 'prod', model: 'gpt-4o', offsetMs: 0, error: false, prompt: 'refund-policy' },
        { name: 'b', env: 'prod', model: 'claude-sonnet-4-5', offsetMs: 60_000, error: true, prompt: 'refund-policy' },
        { name: 'c', env: 'dev', model: 'gpt-4o', offsetMs: 120_000, error: false, prompt: 'greeting' },
      ];
      for (const trace of sent) {
        const traceId = newTraceId();
        const span = {
          ...jsonSpan({
            traceId,
            name: trace.name,
            startMs: base + trace.offsetMs,
            attributes: {
              'gen_ai.request.model': trace.model,
              'kaizen.prompt.name': trace.prompt,
              'kaizen.prompt.version': '2',
              'gen_ai.input.messages': JSON.stringify([
                { role: 'user', parts: [{ type: 'text', content: `question ${trace.name} zebra` }] },
              ]),
            },
          }),
          ...(trace.error ? { status: { code: 2, message: 'boom' } } : {}),
        };
        const response = await postTraces(
          context().url,
          key,
          jsonRequest([span], { 'deployment.environment.name': trace.env }),
        );
        expect(response.status).toBe(200);
      }
      const names = async (query: Record<string, string>) =>
        (await listTraces(context().url, key, query)).items.map((item) => item.rootName).sort();
      expect(await names({})).toEqual(['a', 'b', 'c']);
      expect(await names({ environment: 'prod' })).toEqual(['a', 'b']);
      expect(await names({ model: 'gpt-4o' })).toEqual(['a', 'c']);
      expect(await names({ status: 'error' })).toEqual(['b']);
      expect(await names({ promptName: 'refund-policy', promptVersion: '2' })).toEqual(['a', 'b']);
      expect(await names({ from: new Date(base + 30_000).toISOString() })).toEqual(['b', 'c']);
      expect(await names({ to: new Date(base + 30_000).toISOString() })).toEqual(['a']);
      expect(await names({ q: 'QUESTION C ZEBRA' })).toEqual(['c']);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await listTraces(context().url, key, { limit: '1', ...(cursor !== null ? { cursor } : {}) });
        expect(page.items.length).toBeLessThanOrEqual(1);
        seen.push(...page.items.map((item) => item.rootName));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(seen.sort()).toEqual(['a', 'b', 'c']);
    });

    it('answers 404 for an unknown trace and 400 for a malformed trace id', async () => {
      const missing = await fetch(`${context().url}/api/traces/${newTraceId()}`, { headers: bearer(context().key) });
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
      const malformed = await fetch(`${context().url}/api/traces/xyz`, { headers: bearer(context().key) });
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toEqual({
        error: { code: 'invalid_input', message: 'traceId: expected 32 hex characters, got "xyz"' },
      });
    });
  });
}
