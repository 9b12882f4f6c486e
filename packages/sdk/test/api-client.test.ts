// The typed API client against the real server: prompt registry routes, and errors as KaizenError. Only what the
// real server cannot do on demand (fail with 5xx/429, hang, answer garbage) goes through a stand-in fetch.
import { KaizenError } from '@kaizen/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeForStatus, createKaizenApi, type KaizenApi } from '../src/index.js';
import { type RealKaizen, startRealKaizen } from './support/real-kaizen-server.js';

let kaizen: RealKaizen;
let api: KaizenApi;

beforeEach(async () => {
  kaizen = await startRealKaizen();
  api = createKaizenApi({ url: `${kaizen.url}/`, apiKey: kaizen.apiKey });
});
afterEach(() => kaizen.close());

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return KaizenError.isInstance(error) ? error.code : `not a KaizenError: ${String(error)}`;
  }
}

describe('prompt registry client', () => {
  it('pushes versions and answers the full version, deduped by content hash across all versions', async () => {
    const prompts = api.prompts;
    const first = await prompts.pushVersion('greeter', { template: 'Hi {{name}}', message: 'v1', author: 'ana' });
    expect(first).toMatchObject({
      created: true,
      version: { name: 'greeter', version: 1, template: 'Hi {{name}}', variables: ['name'], message: 'v1' },
    });
    expect(first.version).toMatchObject({ author: 'ana', model: null, labels: [] });
    expect(first.version.hash).toMatch(/^[0-9a-f]{64}$/);

    const second = await prompts.pushVersion('greeter', { template: 'Hello {{name}}', model: 'sim:schemaorg' });
    expect(second).toMatchObject({ created: true, version: { version: 2, model: 'sim:schemaorg', message: null } });

    // Identical to version 1, not to the latest: still no new version, and the answer is version 1 itself.
    const again = await prompts.pushVersion('greeter', { template: 'Hi {{name}}', message: 'ignored' });
    expect(again).toEqual({ created: false, version: first.version });
    expect((await prompts.get('greeter')).versions.map((item) => item.version)).toEqual([2, 1]);
  });

  it('promotes and rolls back labels as a stack, and records each move with its kind', async () => {
    const prompts = api.prompts;
    for (const template of ['one', 'two', 'three']) await prompts.pushVersion('greeter', { template });

    expect(await prompts.setLabel('greeter', 'production', 1, { actor: 'ci' })).toMatchObject({
      kind: 'promote',
      label: 'production',
      fromVersion: null,
      toVersion: 1,
      actor: 'ci',
    });
    await prompts.setLabel('greeter', 'production', 2);
    expect(await prompts.setLabel('greeter', 'production', 3)).toMatchObject({ fromVersion: 2, toVersion: 3 });
    // Promoting to where the label already is moves nothing and leaves no entry in the audit log.
    expect(await prompts.setLabel('greeter', 'production', 3)).toMatchObject({ fromVersion: 3, toVersion: 3 });
    expect((await prompts.getByLabel('greeter', 'production')).template).toBe('three');

    expect(await prompts.rollback('greeter', 'production', { actor: 'oncall' })).toMatchObject({
      kind: 'rollback',
      fromVersion: 3,
      toVersion: 2,
      actor: 'oncall',
    });
    // A second rollback pops again (to 1), instead of undoing the first one (back to 3).
    expect(await prompts.rollback('greeter', 'production')).toMatchObject({ fromVersion: 2, toVersion: 1 });
    expect(await codeOf(prompts.rollback('greeter', 'production'))).toBe('conflict');
    await prompts.setLabel('greeter', 'staging', 3);

    const history = await prompts.history('greeter', { label: 'production' });
    expect(history.items.map((event) => [event.kind, event.fromVersion, event.toVersion])).toEqual([
      ['rollback', 2, 1],
      ['rollback', 3, 2],
      ['promote', 2, 3],
      ['promote', 1, 2],
      ['promote', null, 1],
    ]);
    expect((await prompts.history('greeter')).items.map((event) => event.label)).toEqual([
      'staging',
      ...history.items.map(() => 'production'),
    ]);

    const version = await prompts.getVersion('greeter', 1);
    expect(version).toMatchObject({ name: 'greeter', version: 1, template: 'one', labels: ['production'] });
    expect((await prompts.list()).items).toEqual([
      expect.objectContaining({ name: 'greeter', latestVersion: 3, labels: { production: 1, staging: 3 } }),
    ]);
    const details = await prompts.get('greeter');
    expect(details.labels).toEqual({ production: 1, staging: 3 });
    expect(details.versions.map((item) => [item.version, item.labels])).toEqual([
      [3, ['staging']],
      [2, []],
      [1, ['production']],
    ]);
  });

  it('diffs two versions', async () => {
    await api.prompts.pushVersion('greeter', { template: 'Hi {{name}}' });
    await api.prompts.pushVersion('greeter', { template: 'Hello {{name}}', model: 'sim:schemaorg' });
    const diff = await api.prompts.diff('greeter', 1, 2);
    expect(diff).toMatchObject({ from: 1, to: 2 });
    expect(diff.unified).toContain('-Hi {{name}}\n+Hello {{name}}');
    expect(diff.changes).toEqual([{ field: 'model', before: null, after: 'sim:schemaorg' }]);
  });

  it("maps the server's failures to KaizenError codes with its message", async () => {
    await expect(api.prompts.get('nope')).rejects.toThrow(/^GET \/api\/prompts\/nope: prompt "nope" not found/);
    expect(await codeOf(api.prompts.get('nope'))).toBe('not_found');
    expect(await codeOf(api.prompts.getVersion('nope', 1))).toBe('not_found');
    expect(await codeOf(api.prompts.pushVersion('bad name', { template: 'x' }))).toBe('invalid_input');
    await api.prompts.pushVersion('p', { template: 'x' });
    expect(await codeOf(api.prompts.setLabel('p', 'staging', 2))).toBe('not_found');
    expect(await codeOf(api.prompts.setLabel('p', 'Staging', 1))).toBe('invalid_input');
    await api.prompts.setLabel('p', 'staging', 1);
    expect(await codeOf(api.prompts.rollback('p', 'staging'))).toBe('conflict');

    const wrongKey = createKaizenApi({ url: kaizen.url, apiKey: 'wrong' });
    expect(await codeOf(wrongKey.prompts.list())).toBe('unauthorized');
    await expect(wrongKey.prompts.list()).rejects.toThrow(/kaizen keys create/);
  });

  it('maps 5xx to unavailable and 429 to overloaded (stand-in answers: the real server fails only by accident)', async () => {
    const answering = (status: number, code: string) =>
      createKaizenApi({
        url: 'http://kaizen.test',
        apiKey: 'k',
        fetch: async () => Response.json({ error: { code, message: 'on purpose' } }, { status }),
      });
    expect(await codeOf(answering(500, 'internal').listTraces())).toBe('unavailable');
    expect(await codeOf(answering(503, 'unavailable').prompts.list())).toBe('unavailable');
    expect(await codeOf(answering(429, 'overloaded').listTraces())).toBe('overloaded');
  });

  it('reports a server that is down, hanging or not Kaizen as unavailable', async () => {
    await kaizen.close();
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
    const answering = (body: unknown) =>
      createKaizenApi({ url: 'http://kaizen.test', apiKey: 'k', fetch: async () => Response.json(body) });
    const broken = { name: 'p', version: 1, hash: 'h', template: 42, createdAt: 'now' };
    await expect(answering(broken).prompts.getByLabel('p', 'production')).rejects.toThrow(
      /malformed prompt version \(template/,
    );
    // A push answered the old way (a bare number) or without the flag is refused too, not passed on half-read.
    await expect(answering({ version: 1, created: true }).prompts.pushVersion('p', { template: 'x' })).rejects.toThrow(
      /^POST \/api\/prompts\/p\/versions: the server sent a malformed prompt version/,
    );
    await expect(
      answering({ version: { ...broken, template: 'x' } }).prompts.pushVersion('p', { template: 'x' }),
    ).rejects.toThrow(/no `created` flag/);
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
