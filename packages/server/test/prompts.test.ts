// The prompt registry API over a real server and store: versions, dedupe, labels, diff, rollback, validation, isolation.
import { expect, it } from 'vitest';
import { BACKENDS } from './support/backends.js';
import { createProjectWithKey, useTestServer } from './support/test-server.js';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

function client(url: string, key: string) {
  return async (method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<Answer> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { 'content-type': contentType } : {}) },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
}

for (const backend of BACKENDS) {
  backend.describe(`prompt registry API (${backend.name})`, () => {
    const context = useTestServer(backend, { logger: () => undefined });

    it('creates numbered versions, dedupes identical content, and serves them by number and label', async () => {
      const call = client(context().url, context().key);
      const body = {
        template: [
          { role: 'system', content: 'Answer with JSON-LD only.' },
          { role: 'user', content: '{{html}}' },
        ],
        model: 'sim:schemaorg',
        params: { temperature: 0 },
        message: 'first',
      };
      const first = await call('POST', '/api/prompts/extractor/versions', body);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        created: true,
        version: { name: 'extractor', version: 1, variables: ['html'] },
      });

      const same = await call('POST', '/api/prompts/extractor/versions', { ...body, message: 'again' });
      expect(same.status).toBe(200);
      expect(same.body).toMatchObject({ created: false, version: { version: 1, message: 'first' } });

      const second = await call('POST', '/api/prompts/extractor/versions', {
        ...body,
        template: [
          { role: 'system', content: 'Answer with JSON-LD only. Use the most specific @type.' },
          body.template[1],
        ],
      });
      expect(second.status).toBe(201);

      expect((await call('GET', '/api/prompts/extractor/versions/2')).body).toMatchObject({ version: 2 });
      expect((await call('GET', '/api/prompts/extractor/versions/9')).status).toBe(404);
      expect((await call('GET', '/api/prompts/extractor/labels/production')).status).toBe(404);

      const promoted = await call('PUT', '/api/prompts/extractor/labels/production', { version: 1, actor: 'ana' });
      expect(promoted.body).toMatchObject({ kind: 'promote', fromVersion: null, toVersion: 1, actor: 'ana' });
      await call('PUT', '/api/prompts/extractor/labels/production', { version: 2, actor: 'bo' });
      expect((await call('GET', '/api/prompts/extractor/labels/production')).body).toMatchObject({ version: 2 });

      const diff = await call('GET', '/api/prompts/extractor/diff?from=1&to=2');
      expect(diff.body.unified).toContain('+Answer with JSON-LD only. Use the most specific @type.');
      expect(diff.body.unified).toContain('-Answer with JSON-LD only.');
      expect(diff.body.changes).toEqual([]);

      const rollback = await call('POST', '/api/prompts/extractor/labels/production/rollback', { actor: 'ana' });
      expect(rollback.body).toMatchObject({ kind: 'rollback', fromVersion: 2, toVersion: 1 });
      const again = await call('POST', '/api/prompts/extractor/labels/production/rollback', {});
      expect(again.status).toBe(409);

      const history = await call('GET', '/api/prompts/extractor/history?label=production');
      expect((history.body.items as { kind: string }[]).map((event) => event.kind)).toEqual([
        'rollback',
        'promote',
        'promote',
      ]);
      const list = await call('GET', '/api/prompts');
      expect(list.body.items).toEqual([
        expect.objectContaining({ name: 'extractor', latestVersion: 2, labels: { production: 1 } }),
      ]);
      const details = await call('GET', '/api/prompts/extractor');
      expect((details.body.versions as { version: number }[]).map((version) => version.version)).toEqual([2, 1]);
    });

    it('answers bad requests with 400/404/415 and a message naming the problem', async () => {
      const call = client(context().url, context().key);
      const cases: [string, string, unknown, number, RegExp][] = [
        ['POST', '/api/prompts/bad%20name/versions', { template: 'x' }, 400, /name/],
        ['POST', '/api/prompts/p/versions', { template: '' }, 400, /template/],
        ['POST', '/api/prompts/p/versions', { template: 'x', model: 'gpt-4o' }, 400, /model/],
        ['POST', '/api/prompts/p/versions', { template: 'x', surprise: 1 }, 400, /surprise|unrecognized/i],
        ['POST', '/api/prompts/p/versions', '{"template": ', 400, /not valid JSON/],
        ['PUT', '/api/prompts/p/labels/Production', { version: 1 }, 400, /label/],
        ['PUT', '/api/prompts/p/labels/production', { version: 0 }, 400, /version/],
        ['PUT', '/api/prompts/nothing/labels/production', { version: 1 }, 404, /no version 1/],
        ['GET', '/api/prompts/nothing', undefined, 404, /not found/],
        ['GET', '/api/prompts/p/diff?from=1', undefined, 400, /to/],
      ];
      for (const [method, path, body, status, message] of cases) {
        const answer = await call(method, path, body);
        expect(answer.status, `${method} ${path}`).toBe(status);
        expect((answer.body.error as { message: string }).message, `${method} ${path}`).toMatch(message);
      }
      const wrongType = await call('POST', '/api/prompts/p/versions', 'template=x', 'text/plain');
      expect(wrongType.status).toBe(415);
      const noKey = await fetch(`${context().url}/api/prompts`);
      expect(noKey.status).toBe(401);
    });

    it('keeps each project to its own prompts', async () => {
      const own = client(context().url, context().key);
      await own('POST', '/api/prompts/private/versions', { template: 'secret' });
      const other = await createProjectWithKey(context().store, 'other');
      const call = client(context().url, other.key);
      expect((await call('GET', '/api/prompts/private')).status).toBe(404);
      expect((await call('GET', '/api/prompts/private/versions/1')).status).toBe(404);
      expect((await call('PUT', '/api/prompts/private/labels/production', { version: 1 })).status).toBe(404);
      expect((await call('GET', '/api/prompts')).body.items).toEqual([]);
    });
  });
}
