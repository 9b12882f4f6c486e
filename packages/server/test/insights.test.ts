// The insights API over a real server and store: traces ingested over OTLP with a planted cause (German inputs fail
// the JSON criterion), scored, and a root-cause report that ranks that driver first; listing, reading, 400s and
// project isolation, on both backends.
import { expect, it } from 'vitest';
import { BACKENDS } from './support/backends.js';
import { jsonRequest, jsonSpan, newTraceId, postTraces } from './support/otlp-json.js';
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
    const text = await response.text();
    return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
  };
}

const definition = {
  name: 'extractor',
  passThreshold: 0.5,
  criteria: [
    { id: 'json', description: 'JSON only', weight: 2, check: { kind: 'json_valid' } },
    { id: 'short', description: 'Short', weight: 1, check: { kind: 'custom', name: 'short' } },
  ],
};

/** A deterministic pseudo-random stream, so the planted data is the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const errorOf = (answer: Answer) => (answer.body.error as { code: string; message: string } | undefined) ?? null;

interface Cause {
  criteria: string[];
  failureRate: number;
  drivers: { feature: string; value: string; lift: number; qValue: number }[];
  evidence: { failing: { traceId: string }[] };
}

for (const backend of BACKENDS) {
  backend.describe(`insights API (${backend.name})`, () => {
    const context = useTestServer(backend, { logger: () => undefined, onlineEvaluation: false });

    it('ranks the planted driver first, stores the report, lists it by view and reads it back', async () => {
      const { url, key, store, project } = context();
      const call = client(url, key);
      expect((await call('POST', '/api/evaluators', { name: 'extractor', definition })).status).toBe(201);
      const next = random(7);
      const traces: { traceId: string; language: string }[] = [];
      const spans: Record<string, unknown>[] = [];
      for (let index = 0; index < 240; index += 1) {
        const traceId = newTraceId();
        const language = index % 2 === 0 ? 'de' : 'en';
        traces.push({ traceId, language });
        spans.push(
          jsonSpan({
            traceId,
            startMs: Date.UTC(2025, 5, 1) + index * 60_000,
            attributes: {
              'gen_ai.request.model': 'gpt-4o',
              'kaizen.prompt.name': 'extract',
              'kaizen.prompt.version': '1',
              'kaizen.prompt.variables': JSON.stringify({ language, page: `p${index}` }),
            },
          }),
        );
      }
      const ingest = await postTraces(url, key, jsonRequest(spans, { 'deployment.environment': 'production' }));
      expect(ingest.status).toBe(200);
      for (const trace of traces) {
        const jsonFails = next() < (trace.language === 'de' ? 0.7 : 0.05);
        const shortFails = next() < 0.1;
        const results = [
          { criterionId: 'json', status: jsonFails ? 'failed' : 'passed', rationale: null },
          { criterionId: 'short', status: shortFails ? 'failed' : 'passed', rationale: null },
        ] as const;
        await store.scores.write(project.id, {
          traceId: trace.traceId,
          evaluatorName: 'extractor',
          evaluatorVersion: 1,
          score: jsonFails ? 0 : 1,
          passed: !jsonFails,
          label: jsonFails ? 'fail' : 'pass',
          results,
          source: 'manual',
          evaluatedAt: '2025-06-02T00:00:00.000Z',
        });
      }

      const created = await call('POST', '/api/insights', {
        evaluatorName: 'extractor',
        environment: 'production',
        promptName: 'extract',
        from: '2025-06-01T00:00:00.000Z',
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({
        view: { evaluatorName: 'extractor', environment: 'production', promptName: 'extract' },
        traceCount: 240,
      });
      const report = created.body.report as { causes: Cause[]; notes: string[] };
      const top = report.causes[0];
      expect(top?.criteria).toContain('json');
      expect(top?.drivers[0]).toMatchObject({ value: 'de' });
      expect(top?.drivers[0]?.feature).toMatch(/language/);
      expect(top?.drivers[0]?.lift).toBeGreaterThan(1.5);
      expect(top?.drivers[0]?.qValue).toBeLessThan(0.05);
      const languageOf = new Map(traces.map((trace) => [trace.traceId, trace.language]));
      expect(languageOf.has(top?.evidence.failing[0]?.traceId ?? '')).toBe(true);

      const id = created.body.id as string;
      const read = await call('GET', `/api/insights/${id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(created.body);
      const listed = await call('GET', '/api/insights?evaluator=extractor&environment=production&promptName=extract');
      expect(listed.body.items).toEqual([expect.objectContaining({ id, traceCount: 240 })]);
      expect((listed.body.items as Record<string, unknown>[])[0]).not.toHaveProperty('report');
      expect((await call('GET', '/api/insights?environment=staging')).body.items).toEqual([]);

      // A view without scored traces still answers, and says so.
      const empty = await call('POST', '/api/insights', { evaluatorName: 'extractor', environment: 'staging' });
      expect(empty.status).toBe(201);
      expect((empty.body.report as { notes: string[] }).notes.join(' ')).toMatch(/no scored traces/);

      // A dataset of the traces: its items' source traces are analysed.
      const items = traces.slice(0, 40).map((trace, index) => ({
        itemId: `item-${index}`,
        input: { language: trace.language },
        sourceTraceId: trace.traceId,
      }));
      await store.datasets.createVersion(project.id, 'golden', { items, source: { kind: 'import', format: 'json' } });
      const fromDataset = await call('POST', '/api/insights', { evaluatorName: 'extractor', datasetName: 'golden' });
      expect(fromDataset.status, JSON.stringify(fromDataset.body)).toBe(201);
      expect(fromDataset.body).toMatchObject({ view: { datasetName: 'golden', datasetVersion: 1 }, traceCount: 40 });
      expect((await call('GET', '/api/insights?dataset=golden')).body.items).toHaveLength(1);
    });

    it("analyses an experiment's items with the experiment's evaluator and the dataset items' metadata", async () => {
      const { url, key } = context();
      const call = client(url, key);
      expect((await call('POST', '/api/prompts/summarizer/versions', { template: 'Summarize {{text}}' })).status).toBe(
        201,
      );
      const itemIds = Array.from({ length: 120 }, (_, index) => `doc-${index}`);
      const datasetItems = itemIds.map((itemId, index) => ({
        itemId,
        input: { text: `text ${index}` },
        metadata: { source: index % 3 === 0 ? 'scan' : 'web' },
      }));
      expect((await call('POST', '/api/datasets/docs/versions', { items: datasetItems })).status).toBe(201);
      const next = random(3);
      const items = itemIds.map((itemId, index) => {
        const fails = next() < (index % 3 === 0 ? 0.8 : 0.05);
        return {
          itemId,
          output: fails ? 'garbled' : 'a summary',
          error: null,
          cached: false,
          result: {
            score: fails ? 0 : 1,
            passed: !fails,
            label: fails ? 'fail' : 'pass',
            results: [{ criterionId: 'faithful', status: fails ? 'failed' : 'passed', rationale: null }],
            errors: 0,
            judgeUsage: null,
          },
          inputTokens: null,
          outputTokens: null,
          costUsd: null,
          latencyMs: null,
        };
      });
      const experiment = await call('POST', '/api/experiments', {
        promptName: 'summarizer',
        promptVersion: 1,
        datasetName: 'docs',
        datasetVersion: 1,
        datasetSplit: null,
        model: 'sim:echo',
        simulated: true,
        evaluator: 'summaries',
        checklistHash: 'c'.repeat(64),
        criteria: [{ id: 'faithful', description: 'Faithful', weight: 1, kind: 'llm_judge' }],
        passThreshold: 1,
        items,
        finish: 'completed',
      });
      expect(experiment.status, JSON.stringify(experiment.body)).toBe(201);
      const experimentId = experiment.body.id as string;
      const created = await call('POST', '/api/insights', { experimentId });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({ view: { evaluatorName: 'summaries', experimentId }, traceCount: 120 });
      const top = (created.body.report as { causes: Cause[] }).causes[0];
      expect(top?.criteria).toEqual(['faithful']);
      expect(top?.drivers[0]).toMatchObject({ feature: 'metadata.source', value: 'scan' });
      expect(itemIds).toContain(top?.evidence.failing[0]?.traceId);
      expect((await call('GET', `/api/insights?experiment=${experimentId}`)).body.items).toHaveLength(1);
    });

    it('answers 400 for bad views, 404 for unknown ones, and keeps projects apart', async () => {
      const { url, key, store } = context();
      const call = client(url, key);
      const bad = [
        {},
        { evaluatorName: 'x y' },
        { evaluatorName: 'extractor', promptVersion: '1' },
        { evaluatorName: 'extractor', datasetVersion: 1 },
        { evaluatorName: 'extractor', from: 'yesterday' },
        { evaluatorName: 'extractor', from: '2025-06-02T00:00:00Z', to: '2025-06-01T00:00:00Z' },
        { evaluatorName: 'extractor', unknown: true },
        { evaluatorName: 'extractor', datasetName: 'golden', experimentId: '00000000-0000-0000-0000-000000000000' },
        { evaluatorName: 'extractor', datasetName: 'golden', environment: 'production' },
        { experimentId: '00000000-0000-0000-0000-000000000000', from: '2025-06-01T00:00:00Z' },
      ];
      for (const body of bad) {
        const answer = await call('POST', '/api/insights', body);
        expect(answer.status, JSON.stringify(body)).toBe(400);
        expect(errorOf(answer)?.code).toBe('invalid_input');
      }
      expect((await call('GET', '/api/insights?limit=0')).status).toBe(400);
      expect((await call('GET', '/api/insights?bogus=1')).status).toBe(400);
      expect((await call('GET', '/api/insights/not-an-id')).status).toBe(400);
      expect((await call('POST', '/api/insights', { evaluatorName: 'nobody' })).status).toBe(404);
      expect(
        (await call('POST', '/api/insights', { experimentId: '00000000-0000-0000-0000-000000000000' })).status,
      ).toBe(404);
      expect((await call('POST', '/api/insights', { evaluatorName: 'extractor', datasetName: 'none' })).status).toBe(
        404,
      );

      const mine = (await call('GET', '/api/insights')).body.items as { id: string }[];
      const other = await createProjectWithKey(store, `other-${Date.now()}`);
      const theirs = client(url, other.key);
      expect((await theirs('GET', '/api/insights')).body.items).toEqual([]);
      for (const { id } of mine) expect((await theirs('GET', `/api/insights/${id}`)).status).toBe(404);
    });
  });
}
