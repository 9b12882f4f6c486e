// Redaction at ingest, end to end: secrets sent over OTLP JSON and protobuf are stored only as placeholders — read
// back through the API, straight from the store, and from the SQLite files themselves.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileRedactor, DEFAULT_PRICES, KaizenError, type Span } from '@kaizen/core';
import { openStore } from '@kaizen/store';
import { describe, expect, it } from 'vitest';
import { startServer } from '../src/index.js';
import { createInlineProcessor } from '../src/ingest/process-batch.js';
import { createWorkerProcessor } from '../src/ingest/worker-processor.js';
import { getTrace, listTraces } from './support/api-client.js';
import { BACKENDS, SQLITE } from './support/backends.js';
import { at, bearer, exportSpans, startChild, traceIdOf, WIRES, type Wire } from './support/otel-export.js';
import { jsonSpan, newSpanId, newTraceId, postTraces } from './support/otlp-json.js';
import { createProjectWithKey, useTestServer } from './support/test-server.js';

// Built at run time so that no scanner mistakes the fixtures for real credentials.
const OPENAI_KEY = `sk-proj-${'Tq7'.repeat(16)}`;
const KAIZEN_KEY = `kz_${'Hw2'.repeat(14)}`;
const JWT = `eyJhbGciOiJIUzI1NiJ9.${'eyJzdWIiOiIxIn0'.repeat(2)}.${'c2lnbmF0dXJl'.repeat(2)}`;
const EMAIL = 'ada.lovelace@example.com';
const CARD = '4111 1111 1111 1111';
const SECRETS = [OPENAI_KEY, KAIZEN_KEY, JWT, EMAIL, CARD, '4111111111111111', OPENAI_KEY.slice(8, 40)];

function leaks(value: unknown): string[] {
  const text = JSON.stringify(value);
  return SECRETS.filter((secret) => text.includes(secret));
}

/** One agent trace through the real OTel SDK: secrets in names, messages, tool arguments, attributes, events. */
async function exportSecretTrace(url: string, key: string, wire: Wire): Promise<string> {
  let traceId = '';
  await exportSpans(
    {
      url: `${url}/v1/traces`,
      headers: bearer(key),
      wire,
      resource: { 'service.name': 'shop', 'service.owner': EMAIL },
    },
    (tracer) => {
      const root = tracer.startSpan(`support ticket from ${EMAIL}`, {
        startTime: at(0),
        attributes: { 'user.id': EMAIL, 'session.id': `session-${EMAIL}`, 'app.tags': [EMAIL, 'vip'] },
      });
      traceId = traceIdOf(root);
      const chat = startChild(tracer, root, 'chat gpt-4o', {
        startTime: at(10),
        attributes: {
          'gen_ai.operation.name': 'chat',
          'gen_ai.request.model': 'gpt-4o',
          'gen_ai.input.messages': JSON.stringify([
            { role: 'system', parts: [{ type: 'text', content: `Call the API with ${OPENAI_KEY}` }] },
            { role: 'user', parts: [{ type: 'text', content: `My card is ${CARD}, mail me at ${EMAIL}` }] },
          ]),
          'gen_ai.output.messages': JSON.stringify([
            {
              role: 'assistant',
              parts: [{ type: 'tool_call', id: 'c1', name: 'charge', arguments: { card: CARD, email: EMAIL } }],
              finish_reason: 'tool_call',
            },
          ]),
          'http.request.header.authorization': [`Bearer ${JWT}`],
          'app.debug': `curl -H "Authorization: Bearer ${JWT}" -H "x-api-key: ${KAIZEN_KEY}"`,
        },
      });
      chat.recordException({ name: 'AuthError', message: `key ${OPENAI_KEY} rejected for ${EMAIL}` });
      chat.setStatus({ code: 2, message: `card ${CARD} declined` });
      chat.end(at(60));
      root.end(at(100));
    },
  );
  return traceId;
}

const RUNS = [
  ...BACKENDS.map((backend) => ({ backend, label: backend.name, options: {} })),
  { backend: SQLITE, label: 'sqlite, decoding inline', options: { ingestWorkers: 0 } },
];

for (const { backend, label, options } of RUNS) {
  backend.describe(`redaction at ingest over ${label}`, () => {
    const context = useTestServer(backend, options);

    for (const wire of WIRES) {
      it(`stores only placeholders for secrets sent over OTLP ${wire}`, async () => {
        const { url, key, store, project } = context();
        const traceId = await exportSecretTrace(url, key, wire);
        const fromApi = await getTrace(url, key, traceId);
        const fromStore = await store.getTraceSpans(project.id, traceId);
        const summaries = await listTraces(url, key, { limit: '1000' });
        expect(fromApi.spans).toHaveLength(2);
        expect(fromStore).toHaveLength(2);
        expect(leaks(fromApi)).toEqual([]);
        expect(leaks(fromStore)).toEqual([]);
        expect(leaks(summaries)).toEqual([]);

        const root = fromApi.spans.find((span) => span.parentSpanId === null) as Span;
        const chat = fromApi.spans.find((span) => span.parentSpanId !== null) as Span;
        expect(root.name).toBe('support ticket from [REDACTED:email]');
        expect(root.userId).toBe('[REDACTED:email]');
        expect(root.attributes['app.tags']).toEqual(['[REDACTED:email]', 'vip']);
        expect(root.attributes['kaizen.resource']).toMatchObject({ 'service.owner': '[REDACTED:email]' });
        expect(chat.statusMessage).toBe('card [REDACTED:card] declined');
        expect(chat.input).toEqual([
          { role: 'system', content: 'Call the API with [REDACTED:secret]' },
          { role: 'user', content: 'My card is [REDACTED:card], mail me at [REDACTED:email]' },
        ]);
        expect(chat.attributes['http.request.header.authorization']).toBe('[REDACTED:secret]');
        expect(chat.attributes['app.debug']).toBe(
          'curl -H "Authorization: Bearer [REDACTED:bearer]" -H "x-api-key: [REDACTED:secret]"',
        );
        // The raw output messages stay beside `output` (the finish reason), redacted like it.
        expect(String(chat.attributes['gen_ai.output.messages'])).toContain('"card":"[REDACTED:card]"');
        const events = chat.attributes['kaizen.events'] as { attributes: Record<string, unknown> }[];
        expect(events[0]?.attributes['exception.message']).toBe('key [REDACTED:secret] rejected for [REDACTED:email]');
      });
    }

    it('redacts nested kvlist and array attribute values and card numbers sent as integers', async () => {
      const { url, key, store, project } = context();
      const traceId = newTraceId();
      const body = JSON.stringify({
        resourceSpans: [
          {
            resource: { attributes: [] },
            scopeSpans: [
              {
                scope: { name: 'test' },
                spans: [
                  {
                    ...jsonSpan({ traceId, spanId: newSpanId(), name: `lookup ${EMAIL}` }),
                    attributes: [
                      {
                        key: 'app.customer',
                        value: {
                          kvlistValue: {
                            values: [
                              { key: 'email', value: { stringValue: EMAIL } },
                              { key: 'card', value: { intValue: '4111111111111111' } },
                              { key: 'password', value: { stringValue: 'hunter22' } },
                              {
                                key: 'history',
                                value: { arrayValue: { values: [{ stringValue: `paid with ${CARD}` }] } },
                              },
                            ],
                          },
                        },
                      },
                      { key: 'app.order_id', value: { intValue: '4111111111111112' } },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      });
      expect((await postTraces(url, key, body)).status).toBe(200);
      const [span] = await store.getTraceSpans(project.id, traceId);
      expect(leaks(span)).toEqual([]);
      expect(span?.name).toBe('lookup [REDACTED:email]');
      expect(span?.attributes['app.customer']).toEqual({
        email: '[REDACTED:email]',
        card: '[REDACTED:card]',
        password: '[REDACTED:secret]',
        history: ['paid with [REDACTED:card]'],
      });
      // Fails the Luhn check: an order id, kept.
      expect(span?.attributes['app.order_id']).toBe(4111111111111112);
    });
  });
}

describe('redaction config on startServer', () => {
  const options = {
    redaction: {
      detectors: { email: false, phone: true },
      patterns: [{ name: 'customer_id', pattern: /\bCUST-\d{6}\b/ }],
      attributes: { dropKeys: ['app.internal.*'] },
    },
  };

  for (const ingestWorkers of [0, 1]) {
    describe(ingestWorkers === 0 ? 'inline' : 'in a worker', () => {
      const context = useTestServer(SQLITE, { ...options, ingestWorkers });

      it('applies custom patterns, dropped keys and the chosen detectors', async () => {
        const { url, key, store, project } = context();
        const traceId = newTraceId();
        const span = jsonSpan({
          traceId,
          name: 'CUST-123456 asked',
          attributes: {
            'app.note': `call +1 (415) 555-2671, mail ${EMAIL}, key ${OPENAI_KEY}`,
            'app.internal.dump': 'anything',
            'app.internally': 'kept',
          },
        });
        const body = JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] });
        expect((await postTraces(url, key, body)).status).toBe(200);
        const [stored] = await store.getTraceSpans(project.id, traceId);
        expect(stored?.name).toBe('[REDACTED:customer_id] asked');
        expect(stored?.attributes).toMatchObject({
          'app.note': `call [REDACTED:phone], mail ${EMAIL}, key [REDACTED:secret]`,
          'app.internally': 'kept',
        });
        expect(stored?.attributes).not.toHaveProperty('app.internal.dump');
      });
    });
  }

  describe('enabled: false', () => {
    const context = useTestServer(SQLITE, { redaction: { enabled: false } });

    it('stores spans exactly as received', async () => {
      const { url, key, store, project } = context();
      const traceId = await exportSecretTrace(url, key, 'protobuf');
      const spans = await store.getTraceSpans(project.id, traceId);
      expect(leaks(spans)).toEqual(expect.arrayContaining([OPENAI_KEY, KAIZEN_KEY, JWT, EMAIL, CARD]));
      expect(JSON.stringify(spans)).not.toContain('[REDACTED:');
    });
  });

  it('refuses an invalid config at startup with invalid_input', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kaizen-redaction-'));
    const store = await openStore({ dataDir });
    try {
      const error = await startServer({
        store,
        port: 0,
        redaction: { patterns: [{ name: 'broken', pattern: '(' }] },
      }).catch((caught: unknown) => caught);
      expect(KaizenError.isInstance(error) && error.code).toBe('invalid_input');
      expect((error as Error).message).toMatch(/redaction\.patterns\[0\] \(broken\): invalid regex/);
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('redaction: the SQLite files hold no secret', () => {
  it('after ingest over both wires, no secret appears in any byte of the database or its WAL', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kaizen-redaction-'));
    const store = await openStore({ dataDir });
    try {
      const { key } = await createProjectWithKey(store, 'files');
      const server = await startServer({ store, port: 0 });
      for (const wire of WIRES) await exportSecretTrace(server.url, key, wire);
      await server.close();
      // Read before close (WAL not yet checkpointed) and after: neither may hold a secret.
      const bytes = () =>
        readdirSync(dataDir)
          .map((name) => readFileSync(join(dataDir, name)).toString('latin1'))
          .join('\n');
      const utf8 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
      const before = bytes();
      expect(before).toContain(utf8('[REDACTED:email]'));
      expect(SECRETS.filter((secret) => before.includes(utf8(secret)))).toEqual([]);
      await store.close();
      const after = bytes();
      expect(SECRETS.filter((secret) => after.includes(utf8(secret)))).toEqual([]);
    } finally {
      await store.close().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('redaction counts', () => {
  it('are reported per batch, the same inline and from a worker (RegExp patterns survive the clone)', async () => {
    const redaction = { patterns: [{ name: 'customer_id', pattern: /\bCUST-\d{6}\b/ }] };
    const body = () =>
      new TextEncoder().encode(
        JSON.stringify({
          resourceSpans: [
            {
              scopeSpans: [
                {
                  spans: [
                    jsonSpan({
                      traceId: 'aa'.repeat(16),
                      spanId: 'bb'.repeat(8),
                      name: `CUST-123456 ${EMAIL}`,
                      attributes: { note: `${EMAIL} ${CARD} ${OPENAI_KEY}` },
                    }),
                  ],
                },
              ],
            },
          ],
        }),
      );
    const inline = await createInlineProcessor(DEFAULT_PRICES, compileRedactor(redaction)).process('json', body());
    const workers = await createWorkerProcessor({ workers: 1, prices: DEFAULT_PRICES, redaction, logger: () => {} });
    try {
      const fromWorker = await workers.process('json', body());
      expect(inline.redactions).toEqual({ customer_id: 1, email: 2, card: 1, secret: 1 });
      expect(fromWorker).toEqual(inline);
    } finally {
      await workers.close();
    }
  });
});
