// Project isolation across every API route: the routes are enumerated from the Hono app, each one has an entry in
// the table below (a new route fails this test until it has one), and each entry asks with project B's key for what
// project A holds: a resource of A is not found (404), a list or aggregate holds only B's, a write lands in B or
// nowhere, and no answer to B ever carries A's marker string.
import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { createApiApp } from '../src/http/api-app.js';
import { createApiKeyResolver } from '../src/http/api-key-resolver.js';
import { createSessionCodec } from '../src/http/session-token.js';
import { BACKENDS } from './support/backends.js';
import { jsonRequest, jsonSpan, newTraceId, postTraces } from './support/otlp-json.js';
import { createProjectWithKey, type ProjectKey, useTestServer } from './support/test-server.js';

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly body: Record<string, unknown>;
}

type Call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer>;

function client(url: string, key: string): Call {
  return async (method, path, body, headers = {}) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    } catch {
      // CSV and JSONL exports.
    }
    return { status: response.status, text, body: parsed };
  };
}

/** The routes as Hono registered them; `ALL /api/*` is the auth middleware every other route runs behind. */
function apiRoutes(): string[] {
  const app = createApiApp({
    store: {} as never,
    resolver: createApiKeyResolver({ store: { findProjectByKeyHash: async () => null } }),
    logger: () => {},
    sessions: createSessionCodec({ secret: 'route-enumeration-secret-of-forty-chars!!' }),
    webRoot: null,
  });
  return [
    ...new Set(app.routes.filter((route) => route.path.startsWith('/api')).map((r) => `${r.method} ${r.path}`)),
  ].sort();
}

const MIDDLEWARE = 'ALL /api/*';

const item = (itemId: string, marker: string) => ({
  itemId,
  output: `{"@type":"${marker}"}`,
  error: null,
  cached: false,
  result: {
    score: 1,
    passed: true,
    label: 'pass',
    results: [{ criterionId: 'json', status: 'passed', rationale: marker }],
    errors: 0,
    judgeUsage: null,
  },
  inputTokens: 1,
  outputTokens: 1,
  costUsd: null,
  latencyMs: 1,
});

const experimentHeader = (marker: string) => ({
  name: marker,
  promptName: 'iso-prompt',
  promptVersion: 1,
  datasetName: 'iso-dataset',
  datasetVersion: 1,
  datasetSplit: null,
  model: 'sim:schemaorg',
  simulated: false,
  evaluator: 'iso-eval',
  checklistHash: 'c'.repeat(64),
  criteria: [{ id: 'json', description: marker, weight: 1, kind: 'json_valid' }],
  passThreshold: 1,
});

const evaluator = (name: string, description: string) => ({
  name,
  definition: {
    name,
    description,
    passThreshold: 1,
    criteria: [{ id: 'json', description, weight: 1, check: { kind: 'json_valid', mode: 'extract' } }],
  },
});

/** What project A holds, each carrying the marker; ids to ask for. */
interface ProjectA {
  readonly marker: string;
  readonly traceId: string;
  readonly cacheKey: string;
  readonly ruleId: string;
  readonly experimentId: string;
  readonly runningExperimentId: string;
  readonly insightId: string;
  readonly optimizationId: string;
}

async function expectOk(answer: Promise<Answer>, status = 201): Promise<Answer> {
  const settled = await answer;
  expect(settled.status, settled.text).toBe(status);
  return settled;
}

async function seedProjectA(url: string, key: string): Promise<ProjectA> {
  const a = client(url, key);
  const marker = `alpha-secret-${randomBytes(6).toString('hex')}`;
  const traceId = newTraceId();
  const span = jsonSpan({
    traceId,
    name: marker,
    startMs: Date.now() - 60_000,
    attributes: {
      'gen_ai.request.model': 'gpt-4o',
      'kaizen.prompt.name': 'iso-prompt',
      'kaizen.prompt.version': '1',
      'gen_ai.usage.input_tokens': 7,
      'gen_ai.input.messages': JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: marker }] }]),
      'gen_ai.output.messages': JSON.stringify([{ role: 'assistant', parts: [{ type: 'text', content: '{"a":1}' }] }]),
    },
  });
  const ingest = await postTraces(url, key, jsonRequest([span], { 'deployment.environment.name': 'prod' }));
  expect(ingest.status).toBe(200);
  for (const template of [`${marker} one {{html}}`, `${marker} two {{html}}`]) {
    await expectOk(a('POST', '/api/prompts/iso-prompt/versions', { template, model: 'sim:schemaorg' }));
  }
  await expectOk(a('PUT', '/api/prompts/iso-prompt/labels/production', { version: 1 }), 200);
  await expectOk(a('PUT', '/api/prompts/iso-prompt/labels/production', { version: 2 }), 200);
  const items = (['train', 'validation', 'holdout'] as const).map((split, index) => ({
    itemId: `p${index + 1}`,
    input: { html: `<p>${marker}</p>` },
    split,
  }));
  await expectOk(a('POST', '/api/datasets/iso-dataset/versions', { items, message: marker }));
  await expectOk(a('POST', '/api/evaluators', evaluator('iso-eval', marker)));
  const rule = await expectOk(a('PUT', '/api/online-evaluators', { evaluator: 'iso-eval', samplingRate: 0 }));
  await expectOk(a('POST', `/api/traces/${traceId}/scores`, { evaluator: 'iso-eval' }));
  await expectOk(
    a('PUT', `/api/traces/${traceId}/labels`, { evaluator: 'iso-eval', criterion: 'json', passed: true, note: marker }),
    200,
  );
  const finished = await expectOk(
    a('POST', '/api/experiments', { ...experimentHeader(marker), items: [item('p1', marker)], finish: 'completed' }),
  );
  await expectOk(
    a('POST', '/api/experiments', { ...experimentHeader(marker), items: [item('p1', marker)], finish: 'completed' }),
  );
  const running = await expectOk(a('POST', '/api/experiments', experimentHeader(marker)));
  const insight = await expectOk(a('POST', '/api/insights', { evaluatorName: 'iso-eval' }));
  const cacheKey = randomBytes(32).toString('hex');
  await expectOk(a('PUT', '/api/cache', { entries: [{ key: cacheKey, value: marker }] }), 200);
  const run = await expectOk(
    a('POST', '/api/optimizations', {
      prompt: 'iso-prompt',
      dataset: 'iso-dataset',
      evaluator: 'iso-eval',
      optimizerModel: null,
      budget: { maxCalls: 3 },
    }),
    202,
  );
  return {
    marker,
    traceId,
    cacheKey,
    ruleId: String((rule.body.evaluator as { id: string }).id),
    experimentId: String(finished.body.id),
    runningExperimentId: String(running.body.id),
    insightId: String(insight.body.id),
    optimizationId: String(run.body.id),
  };
}

interface Check {
  readonly a: ProjectA;
  readonly b: Call;
  /** Project A's own client, to confirm a refused write changed nothing. */
  readonly asA: Call;
  readonly projectB: ProjectKey;
  readonly bTraceId: string;
}

const notFound = async (answer: Promise<Answer>) => expect((await answer).status).toBe(404);
const itemsOf = (answer: Answer) => answer.body.items as Record<string, unknown>[];

/**
 * Every /api route, in the order they run (reads before the writes that create B's own namesakes of A's resources).
 * `none:` entries have no resource of A to reach, and say why.
 */
const ROUTES: readonly (readonly [string, (check: Check) => Promise<void>])[] = [
  [
    'GET /api/traces',
    async ({ b, a, bTraceId }) => {
      const list = await b('GET', '/api/traces?limit=1000');
      expect(itemsOf(list).map((trace) => trace.traceId)).toEqual([bTraceId]);
      expect(list.text).not.toContain(a.traceId);
    },
  ],
  ['GET /api/traces/:traceId', ({ b, a }) => notFound(b('GET', `/api/traces/${a.traceId}`))],
  [
    'GET /api/traces/:traceId/labels',
    async ({ b, a }) => expect((await b('GET', `/api/traces/${a.traceId}/labels`)).body.items).toEqual([]),
  ],
  [
    'GET /api/traces/:traceId/scores',
    async ({ b, a }) => expect((await b('GET', `/api/traces/${a.traceId}/scores`)).body.items).toEqual([]),
  ],
  [
    'GET /api/scores/timeseries',
    async ({ b }) => expect((await b('GET', '/api/scores/timeseries?evaluator=iso-eval')).body.points).toEqual([]),
  ],
  [
    'GET /api/scores/criteria',
    async ({ b }) => expect((await b('GET', '/api/scores/criteria?evaluator=iso-eval')).body.criteria).toEqual([]),
  ],
  [
    'GET /api/metrics/timeseries',
    async ({ b }) => {
      // B holds one trace of b-model without tokens; A's (gpt-4o, 7 input tokens, same hour) must not be counted.
      const metrics = await b('GET', '/api/metrics/timeseries?bucket=hour&groupBy=model');
      expect(metrics.status).toBe(200);
      expect(metrics.text).not.toContain('gpt-4o');
      const series = metrics.body.series as { group: string; points: { traces: number; inputTokens: number }[] }[];
      expect(series.map((line) => line.group)).toEqual(['b-model']);
      expect(series.flatMap((line) => line.points.map((point) => [point.traces, point.inputTokens]))).toEqual([[1, 0]]);
    },
  ],
  ['GET /api/prompts', async ({ b }) => expect(itemsOf(await b('GET', '/api/prompts'))).toEqual([])],
  ['GET /api/prompts/:name', ({ b }) => notFound(b('GET', '/api/prompts/iso-prompt'))],
  ['GET /api/prompts/:name/versions/:version', ({ b }) => notFound(b('GET', '/api/prompts/iso-prompt/versions/1'))],
  ['GET /api/prompts/:name/labels/:label', ({ b }) => notFound(b('GET', '/api/prompts/iso-prompt/labels/production'))],
  [
    'GET /api/prompts/:name/history',
    async ({ b }) => {
      const history = await b('GET', '/api/prompts/iso-prompt/history');
      if (history.status !== 404) expect(itemsOf(history)).toEqual([]);
    },
  ],
  ['GET /api/prompts/:name/diff', ({ b }) => notFound(b('GET', '/api/prompts/iso-prompt/diff?from=1&to=2'))],
  ['GET /api/datasets', async ({ b }) => expect(itemsOf(await b('GET', '/api/datasets'))).toEqual([])],
  ['GET /api/datasets/:name', ({ b }) => notFound(b('GET', '/api/datasets/iso-dataset'))],
  ['GET /api/datasets/:name/versions/:version', ({ b }) => notFound(b('GET', '/api/datasets/iso-dataset/versions/1'))],
  [
    'GET /api/datasets/:name/versions/:version/items',
    ({ b }) => notFound(b('GET', '/api/datasets/iso-dataset/versions/latest/items')),
  ],
  [
    'GET /api/datasets/:name/versions/:version/export',
    ({ b }) => notFound(b('GET', '/api/datasets/iso-dataset/versions/1/export?format=csv')),
  ],
  [
    'GET /api/evaluators',
    async ({ b }) => expect(itemsOf(await b('GET', '/api/evaluators')).map((row) => row.name)).toEqual(['b-eval']),
  ],
  ['GET /api/evaluators/:name', ({ b }) => notFound(b('GET', '/api/evaluators/iso-eval'))],
  ['GET /api/evaluators/:name/versions/:version', ({ b }) => notFound(b('GET', '/api/evaluators/iso-eval/versions/1'))],
  ['GET /api/evaluators/:name/agreement', ({ b }) => notFound(b('GET', '/api/evaluators/iso-eval/agreement'))],
  [
    'GET /api/online-evaluators',
    async ({ b }) => expect(itemsOf(await b('GET', '/api/online-evaluators'))).toEqual([]),
  ],
  ['GET /api/online-evaluators/:id', ({ b, a }) => notFound(b('GET', `/api/online-evaluators/${a.ruleId}`))],
  ['GET /api/experiments', async ({ b }) => expect(itemsOf(await b('GET', '/api/experiments'))).toEqual([])],
  ['GET /api/experiments/:id', ({ b, a }) => notFound(b('GET', `/api/experiments/${a.experimentId}`))],
  [
    'GET /api/experiments/compare',
    ({ b, a }) => notFound(b('GET', `/api/experiments/compare?baseline=${a.experimentId}&candidate=${a.experimentId}`)),
  ],
  ['GET /api/insights', async ({ b }) => expect(itemsOf(await b('GET', '/api/insights'))).toEqual([])],
  ['GET /api/insights/:id', ({ b, a }) => notFound(b('GET', `/api/insights/${a.insightId}`))],
  ['GET /api/optimizations', async ({ b }) => expect(itemsOf(await b('GET', '/api/optimizations'))).toEqual([])],
  ['GET /api/optimizations/:id', ({ b, a }) => notFound(b('GET', `/api/optimizations/${a.optimizationId}`))],
  [
    'GET /api/optimizations/:id/candidates',
    ({ b, a }) => notFound(b('GET', `/api/optimizations/${a.optimizationId}/candidates`)),
  ],
  [
    'POST /api/cache/lookup',
    async ({ b, a }) => expect((await b('POST', '/api/cache/lookup', { keys: [a.cacheKey] })).body.hits).toEqual({}),
  ],
  [
    'GET /api/session',
    // none: who the caller is; B's key is B's project.
    async ({ b, projectB }) =>
      expect((await b('GET', '/api/session')).body.project).toMatchObject({ id: projectB.project.id }),
  ],
  // Writes on A's resources: not found, and A's resource unchanged.
  [
    'PUT /api/traces/:traceId/labels',
    async ({ b, a, asA }) => {
      await notFound(
        b('PUT', `/api/traces/${a.traceId}/labels`, { evaluator: 'b-eval', criterion: 'json', passed: false }),
      );
      expect(itemsOf(await asA('GET', `/api/traces/${a.traceId}/labels`))).toMatchObject([{ passed: true }]);
    },
  ],
  [
    'POST /api/traces/:traceId/scores',
    async ({ b, a, asA }) => {
      await notFound(b('POST', `/api/traces/${a.traceId}/scores`, { evaluator: 'b-eval' }));
      await notFound(b('POST', `/api/traces/${a.traceId}/scores`, { evaluator: 'iso-eval' }));
      expect(itemsOf(await asA('GET', `/api/traces/${a.traceId}/scores`))).toHaveLength(1);
    },
  ],
  [
    'PUT /api/prompts/:name/labels/:label',
    async ({ b, asA }) => {
      await notFound(b('PUT', '/api/prompts/iso-prompt/labels/production', { version: 1 }));
      expect((await asA('GET', '/api/prompts/iso-prompt/labels/production')).body).toMatchObject({ version: 2 });
    },
  ],
  [
    'POST /api/prompts/:name/labels/:label/rollback',
    async ({ b, asA }) => {
      expect((await b('POST', '/api/prompts/iso-prompt/labels/production/rollback', {})).status).toBeOneOf([404, 409]);
      expect((await asA('GET', '/api/prompts/iso-prompt/labels/production')).body).toMatchObject({ version: 2 });
    },
  ],
  [
    'POST /api/experiments/:id/items',
    async ({ b, a, asA }) => {
      await notFound(b('POST', `/api/experiments/${a.runningExperimentId}/items`, { items: [item('b1', 'b')] }));
      expect((await asA('GET', `/api/experiments/${a.runningExperimentId}`)).body.items).toEqual([]);
    },
  ],
  [
    'POST /api/experiments/:id/finish',
    async ({ b, a, asA }) => {
      await notFound(b('POST', `/api/experiments/${a.runningExperimentId}/finish`, { status: 'failed' }));
      expect((await asA('GET', `/api/experiments/${a.runningExperimentId}`)).body.status).toBe('running');
    },
  ],
  [
    'DELETE /api/online-evaluators/:id',
    async ({ b, a, asA }) => {
      await notFound(b('DELETE', `/api/online-evaluators/${a.ruleId}`));
      expect((await asA('GET', `/api/online-evaluators/${a.ruleId}`)).status).toBe(200);
    },
  ],
  [
    'POST /api/optimizations/:id/cancel',
    ({ b, a }) => notFound(b('POST', `/api/optimizations/${a.optimizationId}/cancel`, {})),
  ],
  [
    'POST /api/optimizations/:id/resume',
    ({ b, a }) => notFound(b('POST', `/api/optimizations/${a.optimizationId}/resume`, {})),
  ],
  [
    'POST /api/datasets/:name/versions/from-traces',
    async ({ b }) => {
      // A's trace matches this view; B has none, so there is nothing to sample.
      const answer = await b('POST', '/api/datasets/iso-dataset/versions/from-traces', {
        filter: { promptName: 'iso-prompt' },
      });
      expect(answer.status).toBe(400);
      expect(answer.text).toContain('no trace matches');
    },
  ],
  [
    'POST /api/optimizations',
    ({ b }) =>
      notFound(
        b('POST', '/api/optimizations', { prompt: 'iso-prompt', dataset: 'iso-dataset', evaluator: 'iso-eval' }),
      ),
  ],
  [
    'POST /api/experiments/runs',
    async ({ b }) => {
      const run = { dataset: { name: 'iso-dataset' }, evaluator: { name: 'iso-eval' }, model: 'sim:schemaorg' };
      await notFound(b('POST', '/api/experiments/runs', { ...run, prompt: { name: 'iso-prompt' } }));
      await notFound(
        b('POST', '/api/experiments/runs', { ...run, prompt: { name: 'iso-prompt', label: 'production' } }),
      );
      expect(itemsOf(await b('GET', '/api/experiments'))).toEqual([]);
    },
  ],
  [
    'POST /api/replays',
    async ({ b }) => {
      await notFound(b('POST', '/api/replays', { prompt: { name: 'iso-prompt' }, model: 'sim:schemaorg' }));
      await notFound(b('POST', '/api/replays', { prompt: { name: 'iso-prompt', version: 1 }, model: 'sim:schemaorg' }));
      expect(itemsOf(await b('GET', '/api/experiments'))).toEqual([]);
    },
  ],
  [
    'PUT /api/online-evaluators',
    async ({ b, asA }) => {
      await notFound(b('PUT', '/api/online-evaluators', { evaluator: 'iso-eval', samplingRate: 1 }));
      expect(itemsOf(await asA('GET', '/api/online-evaluators'))).toMatchObject([{ samplingRate: 0 }]);
    },
  ],
  // Creations under A's names: they make B's own, and A's stay as they were.
  [
    'POST /api/prompts/:name/versions',
    async ({ b, asA }) => {
      const created = await b('POST', '/api/prompts/iso-prompt/versions', { template: 'b {{html}}' });
      expect(created.body).toMatchObject({ created: true, version: { version: 1 } });
      expect((await asA('GET', '/api/prompts/iso-prompt')).text).not.toContain('b {{html}}');
    },
  ],
  [
    'POST /api/datasets/:name/versions',
    async ({ b, asA }) => {
      const items = [{ itemId: 'b1', input: { html: 'b' } }];
      expect((await b('POST', '/api/datasets/iso-dataset/versions', { items })).body).toMatchObject({ version: 1 });
      expect((await asA('GET', '/api/datasets/iso-dataset')).body.versions).toHaveLength(1);
    },
  ],
  [
    'POST /api/datasets/:name/versions/import',
    async ({ b, asA }) => {
      const imported = await b(
        'POST',
        '/api/datasets/iso-dataset/versions/import',
        '{"itemId":"b2","input":{"x":1}}\n',
        {
          'content-type': 'application/x-ndjson',
        },
      );
      expect(imported.body, imported.text).toMatchObject({ version: 2 });
      expect((await asA('GET', '/api/datasets/iso-dataset')).body.versions).toHaveLength(1);
    },
  ],
  [
    'POST /api/evaluators',
    async ({ b, a, asA }) => {
      expect((await b('POST', '/api/evaluators', evaluator('iso-eval', 'b'))).body).toMatchObject({
        version: { version: 1 },
      });
      expect((await asA('GET', '/api/evaluators/iso-eval')).text).toContain(a.marker);
    },
  ],
  [
    'POST /api/experiments',
    async ({ b }) => {
      const created = await b('POST', '/api/experiments', { ...experimentHeader('b'), finish: 'completed' });
      expect(created.status).toBe(201);
      expect(itemsOf(await b('GET', '/api/experiments')).map((row) => row.id)).toEqual([created.body.id]);
    },
  ],
  [
    'POST /api/insights',
    async ({ b, a }) => {
      const created = await b('POST', '/api/insights', { evaluatorName: 'iso-eval' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ traceCount: 0 });
      expect(created.text).not.toContain(a.traceId);
    },
  ],
  [
    'PUT /api/cache',
    async ({ b, a, asA }) => {
      await expectOk(b('PUT', '/api/cache', { entries: [{ key: a.cacheKey, value: 'b' }] }), 200);
      expect((await asA('POST', '/api/cache/lookup', { keys: [a.cacheKey] })).body.hits).toEqual({
        [a.cacheKey]: a.marker,
      });
    },
  ],
  [
    'POST /api/session',
    // none: trades the key sent for its own project's session.
    async ({ b, projectB }) => {
      const answer = await b('POST', '/api/session', { apiKey: projectB.key }, { 'x-kaizen-csrf': '1' });
      expect(answer.body.project).toMatchObject({ id: projectB.project.id });
    },
  ],
  // none: signing out holds no project data.
  [
    'DELETE /api/session',
    async ({ b }) => expect((await b('DELETE', '/api/session', undefined, { 'x-kaizen-csrf': '1' })).status).toBe(204),
  ],
  // none: the OTLP path's non-POST methods answer 405; POST is the ingest handler's (its isolation is in ingest.test).
  [
    'ALL /api/public/otel/v1/traces',
    async ({ b }) => expect((await b('GET', '/api/public/otel/v1/traces')).status).toBe(405),
  ],
];

it('has an isolation check for every /api route the app registers, and none for a route that is gone', () => {
  const routes = apiRoutes();
  expect(routes).toContain(MIDDLEWARE);
  expect(ROUTES.map(([route]) => route).sort()).toEqual(routes.filter((route) => route !== MIDDLEWARE));
});

for (const backend of BACKENDS) {
  backend.describe(`project isolation over every API route (${backend.name})`, () => {
    const context = useTestServer(backend, { webRoot: null });

    it('never shows or changes project A through project B’s key', async () => {
      const a = await seedProjectA(context().url, context().key);
      const projectB = await createProjectWithKey(context().store, 'project-b');
      const b = client(context().url, projectB.key);
      const bTraceId = newTraceId();
      expect(
        (
          await postTraces(
            context().url,
            projectB.key,
            jsonRequest([
              jsonSpan({
                traceId: bTraceId,
                startMs: Date.now() - 60_000,
                attributes: { 'gen_ai.request.model': 'b-model' },
              }),
            ]),
          )
        ).status,
      ).toBe(200);
      await expectOk(b('POST', '/api/evaluators', evaluator('b-eval', 'b')));
      const answers: string[] = [];
      const recording: Call = async (...args) => {
        const answer = await b(...args);
        answers.push(`${args[0]} ${args[1]} → ${answer.status} ${answer.text}`);
        return answer;
      };
      const check: Check = { a, b: recording, asA: client(context().url, context().key), projectB, bTraceId };
      for (const [route, run] of ROUTES) {
        try {
          await run(check);
        } catch (error) {
          throw new Error(`${route}: ${(error as Error).message}`, { cause: error });
        }
      }
      // Whatever the status: no answer to B carries A's marker (span names, templates, items, notes, cache values).
      expect(answers.filter((answer) => answer.includes(a.marker))).toEqual([]);
    });
  });
}
