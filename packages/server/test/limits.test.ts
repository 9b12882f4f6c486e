// Every bad input and failure the collector must answer correctly: auth, size, encoding, format, overload, outages.
// These do not depend on the backend, so they run over SQLite only; the ingest suites run over both stores.
import { createServer } from 'node:net';
import { gzipSync } from 'node:zlib';
import { KaizenError } from '@kaizen/core';
import { openPostgresStore } from '@kaizen/store/postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/index.js';
import { getTrace } from './support/api-client.js';
import { type OpenedStore, SQLITE } from './support/backends.js';
import { jsonRequest, jsonSpan, newTraceId, postTraces } from './support/otlp-json.js';
import { holdInserts, overrideStore } from './support/store-wrappers.js';
import { createProjectWithKey, useTestServer } from './support/test-server.js';

const SMALL_LIMIT = 64 * 1024;

describe('collector limits and failures', () => {
  const context = useTestServer(SQLITE, { maxBodyBytes: SMALL_LIMIT, maxInflatedBytes: 4 * SMALL_LIMIT });

  describe('auth', () => {
    it('answers /health without a key', async () => {
      const response = await fetch(`${context().url}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    });

    it.each([
      ['no key', null, 'missing API key'],
      ['an unknown key', 'kz_not-a-real-key', 'invalid API key'],
    ])('refuses an export with %s: 401, WWW-Authenticate, google.rpc.Status body', async (_, key, message) => {
      const response = await postTraces(context().url, key, jsonRequest([jsonSpan()]));
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="kaizen"');
      const body = (await response.json()) as { code: number; message: string };
      expect(body.code).toBe(16);
      expect(body.message).toContain(message);
    });

    it('refuses the API without a valid key, with the JSON error body', async () => {
      for (const headers of [{}, { authorization: 'Bearer kz_wrong' }, { authorization: 'Basic Og==' }]) {
        const response = await fetch(`${context().url}/api/traces`, { headers });
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer realm="kaizen"');
        expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
      }
    });

    it('accepts the key in x-kaizen-api-key and as a Basic password on the API too', async () => {
      const basic = Buffer.from(`pk-lf-1:${context().key}`).toString('base64');
      for (const headers of [{ 'x-kaizen-api-key': context().key }, { authorization: `Basic ${basic}` }]) {
        expect((await fetch(`${context().url}/api/traces`, { headers })).status).toBe(200);
      }
    });
  });

  describe('size limits', () => {
    const bigBody = () => jsonRequest([jsonSpan({ attributes: { 'app.padding': 'x'.repeat(SMALL_LIMIT) } })]);

    it('answers 413 from Content-Length', async () => {
      const response = await postTraces(context().url, context().key, bigBody());
      expect(response.status).toBe(413);
      expect(((await response.json()) as { message: string }).message).toMatch(/exceeds the limit of 65536 bytes/);
    });

    it('answers every slightly oversized body with its 413, never a reset connection, on reused connections', async () => {
      // Refused and closed at once, a client still writing the body could see EPIPE/ECONNRESET instead of the 413
      // (an exporter then retries the batch forever); up to twice the limit the body is read to its end first. The
      // bodies are bigger than the loopback socket buffers, or the client would finish writing before any close.
      const limit = 1024 * 1024;
      const server = await startServer({ store: context().store, port: 0, maxBodyBytes: limit, logger: () => {} });
      try {
        const body = jsonRequest([jsonSpan({ attributes: { 'app.padding': 'x'.repeat(limit * 1.5) } })]);
        const statuses = await Promise.all(
          Array.from({ length: 24 }, async () => {
            try {
              const response = await postTraces(server.url, context().key, body);
              await response.arrayBuffer();
              return String(response.status);
            } catch (error) {
              return String((error as Error).cause ?? error);
            }
          }),
        );
        expect(new Set(statuses)).toEqual(new Set(['413']));
      } finally {
        await server.close();
      }
    });

    it('answers 413 for a streamed body without Content-Length once the bytes pass the limit', async () => {
      const encoded = new TextEncoder().encode(bigBody());
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let offset = 0; offset < encoded.length; offset += 8192)
            controller.enqueue(encoded.subarray(offset, offset + 8192));
          controller.close();
        },
      });
      const response = await fetch(`${context().url}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${context().key}` },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
    });

    it('answers 413 for a gzip bomb: small on the wire, huge once inflated', async () => {
      const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, ' '));
      expect(bomb.length).toBeLessThan(SMALL_LIMIT);
      const response = await postTraces(context().url, context().key, bomb, { 'content-encoding': 'gzip' });
      expect(response.status).toBe(413);
      expect(((await response.json()) as { message: string }).message).toMatch(/inflated request body exceeds/);
    });
  });

  describe('malformed bodies', () => {
    it('answers 400 naming the JSON problem', async () => {
      const response = await postTraces(context().url, context().key, '{"resourceSpans": [');
      expect(response.status).toBe(400);
      const body = (await response.json()) as { code: number; message: string };
      expect(body.code).toBe(3);
      expect(body.message).toMatch(/^invalid JSON: /);
    });

    it('answers 400 for a structurally wrong OTLP/JSON request', async () => {
      const response = await postTraces(context().url, context().key, '{"resourceSpans": {"oops": true}}');
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toBe('resourceSpans: expected an array');
    });

    it('answers 400 with a protobuf google.rpc.Status for malformed protobuf', async () => {
      const response = await postTraces(context().url, context().key, Uint8Array.from([0x0a, 0x64, 0x01]), {
        'content-type': 'application/x-protobuf',
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/x-protobuf');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(bytes[0]).toBe(0x08); // Status.code
      expect(bytes[1]).toBe(3); // INVALID_ARGUMENT
      expect(new TextDecoder().decode(bytes.subarray(4))).toMatch(/invalid protobuf: length 100 .* runs past the end/);
    });

    it('answers 400 for a corrupt gzip body', async () => {
      const response = await postTraces(context().url, context().key, Uint8Array.from([0x1f, 0x8b, 1, 2, 3]), {
        'content-encoding': 'gzip',
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(/^invalid gzip body/);
    });

    it('answers 415 for a content type OTLP does not define, and for an unknown Content-Encoding', async () => {
      const text = await postTraces(context().url, context().key, 'hello', { 'content-type': 'text/plain' });
      expect(text.status).toBe(415);
      expect(((await text.json()) as { message: string }).message).toMatch(
        /Content-Type "text\/plain" is not supported/,
      );
      const brotli = await postTraces(context().url, context().key, jsonRequest([jsonSpan()]), {
        'content-encoding': 'br',
      });
      expect(brotli.status).toBe(415);
    });

    it('answers 405 to other methods on the OTLP path', async () => {
      const response = await fetch(`${context().url}/v1/traces`, {
        headers: { authorization: `Bearer ${context().key}` },
      });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
    });
  });

  describe('query parameters', () => {
    it.each([
      ['from=last-week', 'query parameter "from"'],
      ['status=broken', 'query parameter "status"'],
      ['limit=0', 'query parameter "limit"'],
      ['colour=red', 'query parameter "colour": unknown'],
    ])('answers 400 for %s', async (query, message) => {
      const response = await fetch(`${context().url}/api/traces?${query}`, {
        headers: { authorization: `Bearer ${context().key}` },
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('invalid_input');
      expect(body.error.message).toContain(message);
    });
  });
});

describe('collector under overload and outages', () => {
  let opened: OpenedStore;
  beforeAll(async () => {
    opened = await SQLITE.open();
  });
  afterAll(async () => {
    await opened.dispose();
  });

  async function withServer<T>(
    options: Omit<Parameters<typeof startServer>[0], 'port'>,
    run: (server: RunningServer) => Promise<T>,
  ): Promise<T> {
    const server = await startServer({ ...options, port: 0 });
    try {
      return await run(server);
    } finally {
      await server.close();
    }
  }

  it('answers 429 with Retry-After beyond maxConcurrentIngest, and acks the held request once durable', async () => {
    const { key } = await createProjectWithKey(opened.store, 'overload');
    const held = holdInserts(opened.store);
    await withServer({ store: held.store, maxConcurrentIngest: 1 }, async (server) => {
      const traceId = newTraceId();
      const first = postTraces(server.url, key, jsonRequest([jsonSpan({ traceId })]));
      await held.entered;
      const second = await postTraces(server.url, key, jsonRequest([jsonSpan()]));
      expect(second.status).toBe(429);
      expect(second.headers.get('retry-after')).toBe('1');
      expect(((await second.json()) as { code: number }).code).toBe(8);
      held.release();
      expect((await first).status).toBe(200);
      expect((await getTrace(server.url, key, traceId)).spans).toHaveLength(1);
    });
  });

  it('answers 503 with Retry-After when the store is unavailable at insert, and stores nothing', async () => {
    const { key } = await createProjectWithKey(opened.store, 'down');
    const down = overrideStore(opened.store, {
      insertSpans: () => Promise.reject(new KaizenError('unavailable', 'database is down')),
    });
    const traceId = newTraceId();
    await withServer({ store: down }, async (server) => {
      const response = await postTraces(server.url, key, jsonRequest([jsonSpan({ traceId })]));
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(await response.json()).toEqual({ code: 14, message: 'database is down' });
    });
    expect(await opened.store.getTraceSpans((await opened.store.getProjectByName('down'))?.id ?? '', traceId)).toEqual(
      [],
    );
  });

  it('answers 503 (not 401) when Postgres cannot be reached to check the key', async () => {
    const port = await closedPort();
    const store = await openPostgresStore({
      connectionString: `postgres://kaizen@127.0.0.1:${port}/kaizen`,
      connectionTimeoutMs: 2000,
    });
    try {
      await withServer({ store }, async (server) => {
        const response = await postTraces(server.url, 'kz_any', jsonRequest([jsonSpan()]));
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe('5');
        const api = await fetch(`${server.url}/api/traces`, { headers: { authorization: 'Bearer kz_any' } });
        expect(api.status).toBe(503);
      });
    } finally {
      await store.close();
    }
  });

  it('answers 500 without leaking internals for an unexpected failure, and logs it', async () => {
    const { key } = await createProjectWithKey(opened.store, 'broken');
    const lines: string[] = [];
    const broken = overrideStore(opened.store, {
      insertSpans: () => Promise.reject(new Error('secret connection string postgres://admin:hunter2@db')),
    });
    await withServer({ store: broken, logger: (line) => lines.push(line) }, async (server) => {
      const response = await postTraces(server.url, key, gzipSync(jsonRequest([jsonSpan()])), {
        'content-encoding': 'gzip',
      });
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ code: 13, message: 'internal server error' });
    });
    expect(lines.some((line) => line.includes('hunter2'))).toBe(true);
  });

  it('logs where it listens', async () => {
    const lines: string[] = [];
    await withServer({ store: opened.store, logger: (line) => lines.push(line) }, async (server) => {
      expect(lines).toEqual([`Kaizen listening on ${server.url} (OTLP/HTTP traces at ${server.url}/v1/traces)`]);
    });
  });
});

/** A local port with nothing listening on it. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
