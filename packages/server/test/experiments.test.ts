// The experiment and response-cache API over a real server and store: runs with items, lists, comparisons with
// core's statistics, validation, and project isolation, on both backends.
import { expect, it } from 'vitest';
import { BACKENDS } from './support/backends.js';
import { createProjectWithKey, useTestServer } from './support/test-server.js';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

function client(url: string, key: string) {
  return async (method: string, path: string, body?: unknown): Promise<Answer> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
}

type Call = ReturnType<typeof client>;

const ITEM_IDS = Array.from({ length: 20 }, (_, index) => `item-${index}`);

/** One item whose criteria pass as given: `json` weighs 2, `type` 1. */
function item(itemId: string, json: boolean, type: boolean) {
  return {
    itemId,
    output: json ? '{"@type":"Thing"}' : 'Here is the JSON: {',
    error: null,
    cached: false,
    result: {
      score: (Number(json) * 2 + Number(type)) / 3,
      passed: json && type,
      label: json && type ? 'pass' : 'fail',
      results: [
        { criterionId: 'json', status: json ? 'passed' : 'failed', rationale: null },
        { criterionId: 'type', status: type ? 'passed' : 'failed', rationale: null },
      ],
      errors: 0,
      judgeUsage: null,
    },
    inputTokens: 100,
    outputTokens: 20,
    costUsd: null,
    latencyMs: 12.5,
  };
}

async function setUp(call: Call) {
  for (const template of ['Extract {{html}}', 'Extract schema.org JSON-LD from {{html}}. Answer with JSON only.']) {
    expect((await call('POST', '/api/prompts/extractor/versions', { template, model: 'sim:schemaorg' })).status).toBe(
      201,
    );
  }
  const items = ITEM_IDS.map((itemId) => ({ itemId, input: { html: `<p>${itemId}</p>` } }));
  expect((await call('POST', '/api/datasets/pages/versions', { items })).status).toBe(201);
}

const header = (promptVersion: number) => ({
  promptName: 'extractor',
  promptVersion,
  datasetName: 'pages',
  datasetVersion: 1,
  datasetSplit: null,
  model: 'sim:schemaorg',
  // The server flags the simulated model itself.
  simulated: false,
  evaluator: 'extractor',
  checklistHash: 'b'.repeat(64),
  criteria: [
    { id: 'json', description: 'Answers with JSON only', weight: 2, kind: 'json_valid' },
    { id: 'type', description: 'Uses a specific @type', weight: 1, kind: 'regex' },
  ],
  passThreshold: 1,
});

for (const backend of BACKENDS) {
  backend.describe(`experiment API (${backend.name})`, () => {
    const context = useTestServer(backend, { logger: () => undefined });

    it('stores runs with their items and compares them criterion by criterion', async () => {
      const call = client(context().url, context().key);
      await setUp(call);
      // Baseline: JSON fails on 14 of 20 items; the candidate fixes 12 of them and breaks one.
      const baselineItems = ITEM_IDS.map((itemId, index) => item(itemId, index >= 14, index % 2 === 0));
      const candidateItems = ITEM_IDS.map((itemId, index) => item(itemId, index >= 2 && index !== 19, index % 2 === 0));
      const baseline = await call('POST', '/api/experiments', {
        ...header(1),
        name: 'baseline',
        items: baselineItems,
        finish: 'completed',
      });
      expect(baseline.status).toBe(201);
      expect(baseline.body).toMatchObject({ status: 'completed', simulated: true, summary: { items: 20 } });

      const started = await call('POST', '/api/experiments', { ...header(2), settings: { cache: true } });
      expect(started.body).toMatchObject({ status: 'running', summary: null });
      const id = String(started.body.id);
      expect((await call('POST', `/api/experiments/${id}/items`, { items: candidateItems.slice(0, 10) })).body).toEqual(
        {
          total: 10,
        },
      );
      expect((await call('POST', `/api/experiments/${id}/items`, { items: candidateItems.slice(10) })).body).toEqual({
        total: 20,
      });
      const running = await call(
        'GET',
        `/api/experiments/compare?baseline=${String(baseline.body.id)}&candidate=${id}`,
      );
      expect(running.status).toBe(409);
      const finished = await call('POST', `/api/experiments/${id}/finish`, { status: 'completed' });
      expect(finished.body).toMatchObject({ status: 'completed', summary: { items: 20, passed: 9 } });
      expect((await call('POST', `/api/experiments/${id}/items`, { items: [item('late', true, true)] })).status).toBe(
        409,
      );

      const read = await call('GET', `/api/experiments/${id}`);
      expect((read.body.items as unknown[]).length).toBe(20);
      expect((await call('GET', `/api/experiments/${id}?items=false`)).body.items).toBeUndefined();
      const listed = await call('GET', '/api/experiments?promptName=extractor&promptVersion=2&split=all');
      expect((listed.body.items as { id: string }[]).map((experiment) => experiment.id)).toEqual([id]);

      const compared = await call(
        'GET',
        `/api/experiments/compare?baseline=${String(baseline.body.id)}&candidate=${id}`,
      );
      expect(compared.status).toBe(200);
      const body = compared.body as {
        simulated: boolean;
        warnings: string[];
        comparison: {
          paired: number;
          criteria: {
            criterionId: string;
            comparison: { delta: number; pValue: number; fixed: number; broken: number; ci95: [number, number] };
            fixedItemIds: string[];
            brokenItemIds: string[];
          }[];
          score: { delta: number } | null;
        };
      };
      expect(body.simulated).toBe(true);
      expect(body.warnings.join()).toContain('SIMULATED');
      expect(body.comparison.paired).toBe(20);
      const json = body.comparison.criteria.find((criterion) => criterion.criterionId === 'json');
      expect(json?.comparison).toMatchObject({ fixed: 12, broken: 1 });
      expect(json?.comparison.delta).toBeCloseTo(11 / 20, 10);
      expect(json?.comparison.pValue).toBeLessThan(0.01);
      expect(json?.comparison.ci95[0]).toBeGreaterThan(0);
      expect(json?.brokenItemIds).toEqual(['item-19']);
      const type = body.comparison.criteria.find((criterion) => criterion.criterionId === 'type');
      expect(type?.comparison).toMatchObject({ delta: 0, fixed: 0, broken: 0, pValue: 1 });
      expect(body.comparison.score?.delta).toBeGreaterThan(0);
    });

    it('answers 400 for malformed runs and queries, 404 for unknown ones, 400 across datasets', async () => {
      const call = client(context().url, context().key);
      const bad = async (method: string, path: string, body?: unknown) => {
        const answer = await call(method, path, body);
        expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body)}`).toBe(400);
        return (answer.body.error as { message: string }).message;
      };
      expect(await bad('POST', '/api/experiments', { ...header(1), checklistHash: 'nope' })).toMatch(/checklistHash/);
      expect(await bad('POST', '/api/experiments', { ...header(1), criteria: [] })).toMatch(/criteria/);
      const both = { ...item('a', true, true), error: 'timeout' };
      expect(await bad('POST', '/api/experiments', { ...header(1), items: [both] })).toMatch(/result, or an error/);
      const twice = [item('a', true, true), item('a', false, true)];
      expect(await bad('POST', '/api/experiments', { ...header(1), items: twice })).toMatch(/appears twice/);
      expect(await bad('GET', '/api/experiments/not-a-uuid')).toMatch(/id/);
      expect(await bad('GET', '/api/experiments?promptVersion=zero')).toMatch(/promptVersion/);
      expect(await bad('GET', '/api/experiments?colour=red')).toMatch(/unknown/);
      expect(await bad('GET', '/api/experiments/compare?baseline=x&candidate=y')).toMatch(/baseline/);
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect((await call('GET', `/api/experiments/${unknown}`)).status).toBe(404);
      expect((await call('POST', `/api/experiments/${unknown}/finish`, { status: 'completed' })).status).toBe(404);
      // Prompt version 7 does not exist.
      expect((await call('POST', '/api/experiments', { ...header(7) })).status).toBe(404);

      await call('POST', '/api/datasets/elsewhere/versions', { items: [{ itemId: 'item-0', input: {} }] });
      const first = await call('POST', '/api/experiments', {
        ...header(1),
        items: [item('item-0', true, true)],
        finish: 'completed',
      });
      const other = await call('POST', '/api/experiments', {
        ...header(1),
        datasetName: 'elsewhere',
        items: [item('item-0', true, true)],
        finish: 'completed',
      });
      const across = await call(
        'GET',
        `/api/experiments/compare?baseline=${String(first.body.id)}&candidate=${String(other.body.id)}`,
      );
      expect(across.status).toBe(400);
    });

    it('caches answers by key, batch by batch, and refuses malformed keys', async () => {
      const call = client(context().url, context().key);
      const key = (n: number) => n.toString(16).padStart(64, 'a');
      expect((await call('POST', '/api/cache/lookup', { keys: [key(1)] })).body).toEqual({ hits: {} });
      const answer = { text: '{"@type":"Recipe"}', usage: { inputTokens: 5, outputTokens: 3 } };
      expect((await call('PUT', '/api/cache', { entries: [{ key: key(1), value: answer }] })).body).toEqual({
        stored: 1,
      });
      expect((await call('POST', '/api/cache/lookup', { keys: [key(1), key(2)] })).body).toEqual({
        hits: { [key(1)]: answer },
      });
      expect((await call('POST', '/api/cache/lookup', { keys: ['XYZ'] })).status).toBe(400);
      expect((await call('PUT', '/api/cache', { entries: [{ key: 'short', value: 1 }] })).status).toBe(400);
      const tooMany = Array.from({ length: 1001 }, (_, n) => key(n));
      expect((await call('POST', '/api/cache/lookup', { keys: tooMany })).status).toBe(400);
    });

    it('keeps one project’s experiments and cache out of another’s reach', async () => {
      const { store, url, key } = context();
      const other = await createProjectWithKey(store, 'other');
      const mine = client(url, key);
      const theirs = client(url, other.key);
      await setUp(theirs);
      const created = await theirs('POST', '/api/experiments', {
        ...header(1),
        items: [item('item-0', true, true)],
        finish: 'completed',
      });
      const id = String(created.body.id);
      expect((await mine('GET', `/api/experiments/${id}`)).status).toBe(404);
      expect((await mine('GET', `/api/experiments/compare?baseline=${id}&candidate=${id}`)).status).toBe(404);
      expect(((await mine('GET', '/api/experiments')).body.items as { id: string }[]).map((e) => e.id)).not.toContain(
        id,
      );
      const cacheKey = 'c'.repeat(64);
      await theirs('PUT', '/api/cache', { entries: [{ key: cacheKey, value: 'theirs' }] });
      expect((await mine('POST', '/api/cache/lookup', { keys: [cacheKey] })).body).toEqual({ hits: {} });
    });
  });
}
