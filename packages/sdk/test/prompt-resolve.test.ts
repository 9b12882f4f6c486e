// prompt().resolve: the labelled version with a TTL cache, and the fallbacks when the server cannot answer.
// Against the real server; requests are counted, and failures (503, hang, garbage) made, by the client's fetch.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createKaizenApi, PromptCache, prompt, type ResolveClient } from '../src/index.js';
import { type FaultyFetch, faultyFetch } from './support/faulty-fetch.js';
import { recordingLogger } from './support/otel-globals.js';
import { type RealKaizen, startRealKaizen } from './support/real-kaizen-server.js';

const extractor = prompt('extractor', {
  template: 'Extract JSON-LD from {{html}}',
  variables: z.object({ html: z.string() }),
  model: 'sim:schemaorg',
});

let kaizen: RealKaizen;
let faults: FaultyFetch;
let now: number;
let logger: ReturnType<typeof recordingLogger>;
let client: ResolveClient;

function clientFor(options: { fetch?: typeof fetch; fetchTimeoutMs?: number } = {}): ResolveClient {
  const { fetch = faults.fetch, fetchTimeoutMs = 3_000 } = options;
  return {
    api: createKaizenApi({ url: kaizen.url, apiKey: kaizen.apiKey, fetch }),
    environment: 'production',
    promptCache: new PromptCache({ ttlMs: 1_000, fetchTimeoutMs, now: () => now }),
    logger,
  };
}

const labelReads = () =>
  faults.requests.filter((request) => request === 'GET /api/prompts/extractor/labels/production').length;

async function publish(template: string): Promise<number> {
  const { version } = await client.api.prompts.pushVersion('extractor', { template });
  await client.api.prompts.setLabel('extractor', 'production', version.version);
  return version.version;
}

beforeEach(async () => {
  kaizen = await startRealKaizen();
  faults = faultyFetch();
  now = 1_000_000;
  logger = recordingLogger();
  client = clientFor();
});
afterEach(() => kaizen.close());

describe('prompt resolution', () => {
  it('uses the code when nothing is labelled, and names the version once the code is pushed', async () => {
    const before = await extractor.resolve(client);
    expect(before).toMatchObject({ source: 'code', version: null, content: extractor.content });
    expect(before.hash).toBe(await extractor.hash());
    expect(logger.warnings).toEqual([
      'prompt "extractor" has no version labelled "production"; using the template in code',
    ]);

    const pushed = await extractor.push(client, { message: 'first', author: 'dev' });
    expect(pushed).toMatchObject({ created: true, version: { name: 'extractor', version: 1, message: 'first' } });
    // The server hashes the content as the SDK does, so code and registry agree on what "the same prompt" is.
    expect(pushed.version.hash).toBe(await extractor.hash());
    expect(pushed.version).toMatchObject({ template: extractor.content.template, model: 'sim:schemaorg' });
    expect(await extractor.push(client)).toEqual({ created: false, version: pushed.version });
    expect(await extractor.resolve(client)).toMatchObject({ source: 'code', version: 1 });
  });

  it("numbers the code's content with the version it was deduped to, even when that is not the latest", async () => {
    await extractor.push(client);
    await publish('v2 {{html}}');
    const other = clientFor();
    expect(await extractor.push(other)).toMatchObject({ created: false, version: { version: 1 } });
    faults.failWith = 503;
    expect(await extractor.resolve(other)).toMatchObject({
      source: 'code',
      version: 1,
      error: { code: 'unavailable' },
    });
  });

  it('answers from the cache within the TTL and asks the server again after it', async () => {
    await publish('v1 {{html}}');
    expect(await extractor.resolve(client)).toMatchObject({ source: 'server', version: 1 });
    now += 999;
    const cached = await extractor.resolve(client);
    expect(cached).toMatchObject({ source: 'cache', version: 1 });
    expect(cached.content.template).toBe('v1 {{html}}');
    expect(labelReads()).toBe(1);

    await publish('v2 {{html}}');
    now += 2;
    expect(await extractor.resolve(client)).toMatchObject({ source: 'server', version: 2 });
    expect(labelReads()).toBe(2);
  });

  it('falls back to the last fetched version when the server fails, without retrying before the TTL', async () => {
    await publish('v1 {{html}}');
    await extractor.resolve(client);
    faults.failWith = 503;
    now += 1_001;
    const stale = await extractor.resolve(client);
    expect(stale).toMatchObject({ source: 'cache', version: 1, error: { code: 'unavailable' } });
    now += 500;
    expect(await extractor.resolve(client)).toMatchObject({ source: 'cache', version: 1 });
    expect(labelReads()).toBe(2);
    now += 501;
    expect(await extractor.resolve(client)).toMatchObject({ source: 'cache', version: 1 });
    expect(labelReads()).toBe(3);
    expect(logger.warnings).toEqual([expect.stringMatching(/^prompt "extractor": .*using version 1 fetched earlier$/)]);

    faults.failWith = null;
    now += 1_001;
    expect(await extractor.resolve(client)).toMatchObject({ source: 'server', version: 1 });
  });

  it('falls back to the code when the server is down and nothing was fetched', async () => {
    await kaizen.close();
    const resolved = await extractor.resolve(client);
    expect(resolved).toMatchObject({ source: 'code', version: null, error: { code: 'unavailable' } });
    expect(resolved.content.template).toBe('Extract JSON-LD from {{html}}');
    expect(logger.warnings).toEqual([expect.stringContaining('cannot connect to Kaizen')]);
  });

  it('cuts a hanging fetch at its deadline, and treats a malformed answer as a failure', async () => {
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const slow = await extractor.resolve(clientFor({ fetch: hanging, fetchTimeoutMs: 20 }));
    expect(slow).toMatchObject({ source: 'code', error: { code: 'unavailable' } });

    const malformed = clientFor({ fetch: async () => Response.json({ name: 'extractor', template: 7 }) });
    const resolved = await extractor.resolve(malformed);
    expect(resolved.source).toBe('code');
    expect(resolved.error?.message).toMatch(/malformed prompt version/);
  });

  it('makes one request for concurrent resolutions', async () => {
    await publish('v1 {{html}}');
    const all = await Promise.all(Array.from({ length: 5 }, () => extractor.resolve(client)));
    expect(all.map((resolved) => resolved.source)).toEqual(['server', 'server', 'server', 'server', 'server']);
    expect(labelReads()).toBe(1);
  });
});
