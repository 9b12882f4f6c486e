// The dataset API over a real server and store: versions from items, files and trace views; items, exports,
// validation and project isolation, on both backends.
import { makeSpan, makeStepSpan, newTraceId } from '@kaizen/store/testing';
import { expect, it } from 'vitest';
import { BACKENDS } from './support/backends.js';
import { createProjectWithKey, useTestServer } from './support/test-server.js';

interface Answer {
  status: number;
  body: Record<string, unknown>;
  text: string;
}

function client(url: string, key: string) {
  return async (method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<Answer> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { 'content-type': contentType } : {}) },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // Exports are not JSON.
    }
    return { status: response.status, body: parsed, text };
  };
}

const JSONL = [
  { id: 'a', input: { html: '<h1>Shoe</h1>' }, expected: { '@type': 'Product' }, metadata: { group: 'product' } },
  { id: 'b', input: { html: '<h1>Soup</h1>' }, expected: { '@type': 'Recipe' } },
  { id: 'c', html: '<h1>News</h1>' },
]
  .map((record) => JSON.stringify(record))
  .join('\n');

for (const backend of BACKENDS) {
  backend.describe(`dataset API (${backend.name})`, () => {
    const context = useTestServer(backend, { logger: () => undefined });

    it('creates versions from items and files, and serves versions, items by split and exports', async () => {
      const call = client(context().url, context().key);
      const created = await call('POST', '/api/datasets/pages/versions', {
        items: [
          { itemId: 'x', input: { html: '<p>x</p>' }, expected: 'Thing', split: 'validation' },
          { itemId: 'y', input: [{ role: 'user', content: 'hi' }] },
        ],
        splits: { seed: 3 },
        message: 'by hand',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'pages', version: 1, itemCount: 2, splits: { seed: 3 } });

      const imported = await call(
        'POST',
        '/api/datasets/pages/versions/import?seed=5&splits=0.5,0.5,0&file=pages.jsonl',
        JSONL,
        'application/x-ndjson',
      );
      expect(imported.status).toBe(201);
      expect(imported.body).toMatchObject({
        version: 2,
        itemCount: 3,
        splits: { seed: 5, train: 0.5, validation: 0.5, holdout: 0 },
        source: { kind: 'import', format: 'jsonl', file: 'pages.jsonl' },
      });
      expect((await call('GET', '/api/datasets/pages/versions/latest')).body).toMatchObject({ version: 2 });
      expect((await call('GET', '/api/datasets/pages/versions/1')).body).toMatchObject({ message: 'by hand' });
      expect((await call('GET', '/api/datasets/pages')).body.versions).toHaveLength(2);
      expect((await call('GET', '/api/datasets')).body.items).toEqual([
        expect.objectContaining({ name: 'pages', latestVersion: 2, versions: 2 }),
      ]);

      const items = await call('GET', '/api/datasets/pages/versions/2/items?limit=2');
      expect((items.body.items as { itemId: string }[]).map((item) => item.itemId)).toEqual(['a', 'b']);
      expect(items.body.nextCursor).not.toBeNull();
      const rest = await call('GET', `/api/datasets/pages/versions/2/items?cursor=${String(items.body.nextCursor)}`);
      expect((rest.body.items as { input: unknown }[])[0]?.input).toEqual({ html: '<h1>News</h1>' });
      const validation = await call('GET', '/api/datasets/pages/versions/1/items?split=validation');
      expect(validation.body.items).toEqual([
        {
          itemId: 'x',
          input: { html: '<p>x</p>' },
          expected: 'Thing',
          metadata: {},
          sourceTraceId: null,
          split: 'validation',
        },
      ]);

      const exported = await call('GET', '/api/datasets/pages/versions/2/export?format=jsonl');
      expect(exported.status).toBe(200);
      const again = await call('POST', '/api/datasets/pages/versions/import?format=jsonl', exported.text, 'text/plain');
      expect(again.status).toBe(201);
      const [two, three] = await Promise.all(
        [2, 3].map(async (version) => (await call('GET', `/api/datasets/pages/versions/${version}/items`)).body.items),
      );
      expect(three).toEqual(two);

      const csv = await call('GET', '/api/datasets/pages/versions/2/export?format=csv');
      expect(csv.text.split('\r\n')[0]).toBe('id,split,html,expected,metadata.group');
      const fromCsv = await call('POST', '/api/datasets/other/versions/import', csv.text, 'text/csv');
      expect(fromCsv.status).toBe(201);
      expect(fromCsv.body.itemCount).toBe(3);
      const oneSplit = await call('GET', '/api/datasets/pages/versions/1/export?format=jsonl&split=validation');
      expect(
        oneSplit.text
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line).itemId),
      ).toEqual(['x']);
    });

    it('builds a version from a trace view, with each trace as the source of its item', async () => {
      const { store, project, url, key } = context();
      const call = client(url, key);
      const traceIds: string[] = [];
      for (const [index, environment] of ['production', 'production', 'staging'].entries()) {
        const traceId = newTraceId();
        traceIds.push(traceId);
        const root = makeStepSpan({
          traceId,
          name: 'classifier',
          promptName: 'classifier',
          promptVersion: '2',
          environment,
          startTime: `2025-04-01T10:00:0${index}.000Z`,
          attributes: { 'kaizen.prompt.variables': JSON.stringify({ text: `ticket ${index}` }) },
        });
        const call = makeSpan({ traceId, parentSpanId: root.spanId, environment, startTime: root.startTime });
        await store.insertSpans(project.id, [root, call]);
      }
      const created = await call('POST', '/api/datasets/tickets/versions/from-traces', {
        filter: { environment: 'production', promptName: 'classifier', from: '2025-04-01T00:00:00Z' },
        sample: { strategy: 'recent', size: 10 },
        splits: { seed: 1 },
      });
      expect(created.status, created.text).toBe(201);
      expect(created.body).toMatchObject({
        itemCount: 2,
        source: { kind: 'traces', matched: 2, skipped: 0, sample: { strategy: 'recent', size: 10, seed: 1 } },
      });
      const items = (await call('GET', '/api/datasets/tickets/versions/1/items')).body.items as {
        itemId: string;
        input: unknown;
        sourceTraceId: string;
      }[];
      expect(items.map((item) => item.sourceTraceId)).toEqual([traceIds[1], traceIds[0]]);
      expect(items[0]?.input).toEqual({ text: 'ticket 1' });

      const empty = await call('POST', '/api/datasets/tickets/versions/from-traces', {
        filter: { environment: 'nowhere', promptName: 'classifier' },
      });
      expect(empty.status).toBe(400);
      expect(JSON.stringify(empty.body)).toContain('no trace matches');
    });

    it('answers 400 naming the problem for every malformed request', async () => {
      const call = client(context().url, context().key);
      const bad = async (method: string, path: string, body?: unknown, type?: string) => {
        const answer = await call(method, path, body, type);
        expect(answer.status, `${method} ${path}: ${answer.text}`).toBe(400);
        return (answer.body.error as { message: string }).message;
      };
      expect(await bad('POST', '/api/datasets/bad%20name/versions', { items: [{ itemId: 'a', input: {} }] })).toMatch(
        /name/,
      );
      expect(await bad('POST', '/api/datasets/d/versions', { items: [] })).toMatch(/items/);
      expect(await bad('POST', '/api/datasets/d/versions', { items: [{ itemId: 'a', input: 'text' }] })).toMatch(
        /input/,
      );
      expect(
        await bad('POST', '/api/datasets/d/versions', {
          items: [{ itemId: 'a', input: {} }],
          splits: { train: 0.9, validation: 0.9, holdout: 0 },
        }),
      ).toMatch(/sum to 1/);
      expect(await bad('POST', '/api/datasets/d/versions', { items: [{ itemId: 'a', input: {} }], extra: 1 })).toMatch(
        /extra|Unrecognized/i,
      );
      expect(await bad('POST', '/api/datasets/d/versions/import?format=jsonl', '{"id":"a","input":{}}\n{oops')).toMatch(
        /line 2/,
      );
      expect(await bad('POST', '/api/datasets/d/versions/import?format=xml', 'x')).toMatch(/format/);
      expect(await bad('POST', '/api/datasets/d/versions/import?format=csv&splits=1,2', 'id\na\n')).toMatch(/splits/);
      expect(await bad('POST', '/api/datasets/d/versions/from-traces', { filter: {} })).toMatch(/promptName/);
      expect(
        await bad('POST', '/api/datasets/d/versions/from-traces', {
          filter: { promptName: 'p', from: '2025-05-01T00:00:00Z', to: '2025-04-01T00:00:00Z' },
        }),
      ).toMatch(/after/);
      expect(
        await bad('POST', '/api/datasets/d/versions/from-traces', {
          filter: { promptName: 'p' },
          sample: { strategy: 'everything' },
        }),
      ).toMatch(/strategy/);
      expect(await bad('GET', '/api/datasets/d/versions/zero')).toMatch(/version/);
      expect(await bad('GET', '/api/datasets/d/versions/1/items?split=test')).toMatch(/split/);
      const media = await call('POST', '/api/datasets/d/versions/import', 'id\na\n', 'application/xml');
      expect(media.status).toBe(415);
      expect((await call('GET', '/api/datasets/missing')).status).toBe(404);
      expect((await call('GET', '/api/datasets/missing/versions/latest')).status).toBe(404);
    });

    it('keeps one project’s datasets out of another’s reach', async () => {
      const { store, url, key } = context();
      const other = await createProjectWithKey(store, 'other');
      const mine = client(url, key);
      const theirs = client(url, other.key);
      expect(
        (await theirs('POST', '/api/datasets/secret/versions', { items: [{ itemId: 's', input: {} }] })).status,
      ).toBe(201);
      expect((await mine('GET', '/api/datasets/secret')).status).toBe(404);
      expect((await mine('GET', '/api/datasets/secret/versions/1/items')).status).toBe(404);
      expect((await mine('GET', '/api/datasets')).body.items).not.toContainEqual(
        expect.objectContaining({ name: 'secret' }),
      );
    });
  });
}
