// The typed API client against a stand-in server: prompt registry routes, traces, and errors as KaizenError.
import { KaizenError } from '@kaizen/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeForStatus, createKaizenApi, type KaizenApi } from '../src/index.js';
import { type FakeKaizen, startFakeKaizen } from './support/fake-kaizen-server.js';

let fake: FakeKaizen;
let api: KaizenApi;

beforeEach(async () => {
  fake = await startFakeKaizen();
  api = createKaizenApi({ url: `${fake.url}/`, apiKey: fake.apiKey });
});
afterEach(() => fake.close());

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return KaizenError.isInstance(error) ? error.code : `not a KaizenError: ${String(error)}`;
  }
}

describe('prompt registry client', () => {
  it('pushes versions, dedupes identical content, moves labels and reads history and diffs', async () => {
    const prompts = api.prompts;
    expect(await prompts.pushVersion('greeter', { template: 'Hi {{name}}', message: 'v1' })).toEqual({
      version: 1,
      created: true,
    });
    expect(await prompts.pushVersion('greeter', { template: 'Hi {{name}}' })).toEqual({ version: 1, created: false });
    expect(await prompts.pushVersion('greeter', { template: 'Hello {{name}}', model: 'sim:schemaorg' })).toEqual({
      version: 2,
      created: true,
    });

    await prompts.setLabel('greeter', 'production', 1, { actor: 'ci' });
    const promoted = await prompts.setLabel('greeter', 'production', 2);
    expect(promoted).toMatchObject({ label: 'production', fromVersion: 1, toVersion: 2, actor: null });
    expect((await prompts.getByLabel('greeter', 'production')).template).toBe('Hello {{name}}');

    const rolledBack = await prompts.rollback('greeter', 'production', { actor: 'oncall' });
    expect(rolledBack).toMatchObject({ fromVersion: 2, toVersion: 1, actor: 'oncall' });
    const history = await prompts.history('greeter', { label: 'production' });
    expect(history.items.map((event) => event.toVersion)).toEqual([1, 2, 1]);

    const version = await prompts.getVersion('greeter', 1);
    expect(version).toMatchObject({ name: 'greeter', version: 1, variables: ['name'], labels: ['production'] });
    expect(version.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await prompts.list()).items).toEqual([
      expect.objectContaining({ name: 'greeter', latestVersion: 2, labels: { production: 1 } }),
    ]);
    expect((await prompts.get('greeter')).versions.map((item) => item.message)).toEqual(['v1', null]);

    const diff = await prompts.diff('greeter', 1, 2);
    expect(diff.unified).toContain('-Hi {{name}}\n+Hello {{name}}');
    expect(diff.changes).toEqual([{ field: 'model', before: null, after: 'sim:schemaorg' }]);
  });

  it('maps failures to KaizenError codes with the server message', async () => {
    const missing = api.prompts.get('nope');
    await expect(missing).rejects.toThrow('GET /api/prompts/nope: no prompt named "nope"');
    expect(await codeOf(api.prompts.get('nope'))).toBe('not_found');
    await api.prompts.pushVersion('p', { template: 'x' });
    await api.prompts.setLabel('p', 'staging', 1);
    expect(await codeOf(api.prompts.rollback('p', 'staging'))).toBe('conflict');

    const wrongKey = createKaizenApi({ url: fake.url, apiKey: 'wrong' });
    expect(await codeOf(wrongKey.prompts.list())).toBe('unauthorized');
    await expect(wrongKey.prompts.list()).rejects.toThrow(/kaizen keys create/);

    fake.failWith = 500;
    expect(await codeOf(api.listTraces())).toBe('unavailable');
    fake.failWith = 429;
    expect(await codeOf(api.listTraces())).toBe('overloaded');
  });

  it('reports a server that is down or not Kaizen as unavailable', async () => {
    await fake.close();
    await expect(api.prompts.list()).rejects.toThrow(/cannot connect to Kaizen at http:\/\/127\.0\.0\.1:\d+/);
    expect(await codeOf(api.getTrace('0'.repeat(32)))).toBe('unavailable');

    const notKaizen = createKaizenApi({
      url: 'http://kaizen.test',
      apiKey: 'k',
      fetch: async () => new Response('<html>'),
    });
    expect(await codeOf(notKaizen.prompts.list())).toBe('unavailable');
    const slow = createKaizenApi({
      url: 'http://kaizen.test',
      apiKey: 'k',
      timeoutMs: 20,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
    });
    await expect(slow.prompts.list()).rejects.toThrow('no answer within 20 ms');
  });

  it('rejects a malformed prompt version instead of handing it to rendering', async () => {
    const broken = createKaizenApi({
      url: 'http://kaizen.test',
      apiKey: 'k',
      fetch: async () => Response.json({ name: 'p', version: 1, hash: 'h', template: 42, createdAt: 'now' }),
    });
    await expect(broken.prompts.getByLabel('p', 'production')).rejects.toThrow(/malformed prompt version \(template/);
  });

  it('maps statuses without a known body code', () => {
    expect([400, 401, 404, 409, 413, 429, 500, 503, 418].map(codeForStatus)).toEqual([
      'invalid_input',
      'unauthorized',
      'not_found',
      'conflict',
      'payload_too_large',
      'overloaded',
      'unavailable',
      'unavailable',
      'internal',
    ]);
  });
});
