// Sign-in rate limiting over HTTP: 10 failed sign-ins a minute per client address and per key prefix, then 429 with
// Retry-After, for every attempt (the right key included); the rest of the API is not affected.
// Clients on other addresses bind 127.0.0.x, which only Linux routes to the loopback without setup.
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { SQLITE } from './support/backends.js';
import { useTestServer } from './support/test-server.js';

interface Answer {
  readonly status: number;
  readonly retryAfter: string | undefined;
  readonly setCookie: string[] | undefined;
  readonly body: { error?: { code: string; message: string } };
}

/** POST /api/session from `localAddress` (node:http: fetch cannot choose the source address). */
function signIn(url: string, apiKey: string, localAddress = '127.0.0.1'): Promise<Answer> {
  const body = JSON.stringify({ apiKey });
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}/api/session`,
      {
        method: 'POST',
        localAddress,
        agent: false,
        headers: {
          'content-type': 'application/json',
          'x-kaizen-csrf': '1',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: response.headers['retry-after'],
            setCookie: response.headers['set-cookie'],
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['body'],
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const wrongKey = (n: number, prefix = 'kz_wrong') => `${prefix}${n}-${Math.random().toString(36).slice(2)}`;
const onLinux = process.platform === 'linux';

describe('sign-in rate limiting', () => {
  const context = useTestServer(SQLITE, { webRoot: null });

  it.runIf(onLinux)('signs in with the right key after 9 failures from the same address', async () => {
    for (let n = 0; n < 9; n++) expect((await signIn(context().url, wrongKey(n), '127.0.0.2')).status).toBe(401);
    const answer = await signIn(context().url, context().key, '127.0.0.2');
    expect(answer.status).toBe(200);
    expect(answer.setCookie?.[0]).toMatch(/^kaizen_session=/);
  });

  it('answers 429 with Retry-After after 10 failures, to the right key too, and sets no cookie', async () => {
    for (let n = 0; n < 10; n++) expect((await signIn(context().url, wrongKey(n))).status).toBe(401);
    for (const key of [wrongKey(10), context().key]) {
      const answer = await signIn(context().url, key);
      expect(answer.status).toBe(429);
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(answer.retryAfter)).toBeLessThanOrEqual(60);
      expect(answer.body.error).toEqual({
        code: 'overloaded',
        message: `too many failed sign-in attempts: retry in ${answer.retryAfter} s`,
      });
      expect(answer.setCookie).toBeUndefined();
    }
    // Only sign-in is limited: the API with a key, and the key itself from elsewhere, still work.
    const traces = await fetch(`${context().url}/api/traces`, {
      headers: { authorization: `Bearer ${context().key}` },
    });
    expect(traces.status).toBe(200);
    if (onLinux) expect((await signIn(context().url, context().key, '127.0.0.3')).status).toBe(200);
  });

  it.runIf(onLinux)('stops guesses at one key prefix from 10 addresses, and not other prefixes', async () => {
    for (let n = 0; n < 10; n++) {
      expect((await signIn(context().url, wrongKey(n, 'kz_Target_'), `127.0.1.${n + 1}`)).status).toBe(401);
    }
    expect((await signIn(context().url, wrongKey(10, 'kz_Target_'), '127.0.2.1')).status).toBe(429);
    expect((await signIn(context().url, wrongKey(11, 'kz_Other__'), '127.0.2.1')).status).toBe(401);
  });

  it('does not count malformed bodies as failed attempts', async () => {
    for (let n = 0; n < 12; n++) {
      const response = await fetch(`${context().url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kaizen-csrf': '1', 'x-forwarded-for': '203.0.113.9' },
        body: '{"apiKey":5}',
      });
      expect(response.status).toBe(400);
    }
  });
});
