// Shadow replay run on the server, over a real server and store on both backends, with the simulated schema.org
// model: production traces of a prompt (recorded variables) → POST /api/replays → 202 → completed with one shadow trace
// per replayable source trace, linked to it, production unchanged; a stopped execution completed by the next one
// paying every model call once; two executions at once writing every shadow trace once; bad requests refused.
import { type Experiment, type ExperimentItemRecord, KaizenError, type Span, type TraceSummary } from '@kaizen/core';
import { expect, it, vi } from 'vitest';
import { createReplayRun } from '../src/replays/create-replay-run.js';
import { executeReplayRun } from '../src/replays/execute-replay-run.js';
import { shadowIds } from '../src/replays/shadow-ids.js';
import { BACKENDS } from './support/backends.js';
import { type Call, CountingModels, client, ITEMS } from './support/optimization-setup.js';
import { jsonRequest, jsonSpan, newTraceId, postTraces } from './support/otlp-json.js';
import { overrideStore } from './support/store-wrappers.js';
import { createProjectWithKey, useTestServer } from './support/test-server.js';

/** 12 distinct pages, each the input of one production trace of the prompt. */
const PAGES = ITEMS.slice(0, 12);

const PROMPT = {
  template: [
    { role: 'system', content: 'Extract schema.org JSON-LD. Respond with raw JSON only, no prose.' },
    { role: 'user', content: '{{html}}' },
  ],
  model: 'sim:schemaorg',
};

type Replay = Experiment & { items: ExperimentItemRecord[] };

interface Seeded {
  readonly call: Call;
  readonly projectId: string;
  /** The replayable production traces, and the one that recorded no input. */
  readonly sources: readonly string[];
  readonly noInput: string;
}

/** A project with the prompt and 13 production traces of it (12 with variables, 1 without), plus 1 of another prompt. */
async function seed(url: string, store: Parameters<typeof createProjectWithKey>[0]): Promise<Seeded> {
  const { key, project } = await createProjectWithKey(store, 'replay-runs');
  const call = client(url, key);
  const created = await call('POST', '/api/prompts/extractor/versions', PROMPT);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const start = Date.now() - 10 * 60_000;
  const prompted = (traceId: string, index: number, extra: Record<string, string | number>) =>
    jsonSpan({
      traceId,
      name: 'prompt extractor',
      startMs: start + index * 1000,
      attributes: {
        'kaizen.prompt.name': 'extractor',
        'kaizen.prompt.version': 1,
        'kaizen.environment': 'production',
        'gen_ai.request.model': 'schemaorg',
        ...extra,
      },
    });
  const sources = PAGES.map(() => newTraceId());
  const noInput = newTraceId();
  const spans = [
    ...PAGES.map((page, index) =>
      prompted(sources[index] as string, index, { 'kaizen.prompt.variables': JSON.stringify(page.input) }),
    ),
    prompted(noInput, PAGES.length, {}),
    jsonSpan({
      name: 'prompt other',
      startMs: start,
      attributes: {
        'kaizen.prompt.name': 'other',
        'kaizen.environment': 'production',
        'kaizen.prompt.variables': '{}',
      },
    }),
  ];
  const posted = await postTraces(url, key, jsonRequest(spans));
  expect(posted.status).toBe(200);
  return { call, projectId: project.id, sources, noInput };
}

async function finished(call: Call, id: string): Promise<Replay> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const answer = await call('GET', `/api/experiments/${id}`);
    expect(answer.status).toBe(200);
    const experiment = answer.body as unknown as Replay;
    if (experiment.status !== 'running') return experiment;
    if (Date.now() > deadline) throw new Error(`replay ${id} still running after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function tracesIn(call: Call, environment: string): Promise<TraceSummary[]> {
  const answer = await call('GET', `/api/traces?environment=${environment}&limit=1000`);
  expect(answer.status).toBe(200);
  return answer.body.items as TraceSummary[];
}

async function spansOf(call: Call, traceId: string): Promise<Span[]> {
  const answer = await call('GET', `/api/traces/${traceId}`);
  expect(answer.status).toBe(200);
  return answer.body.spans as Span[];
}

/** Every production trace with its spans, to compare before and after. */
async function production(call: Call): Promise<unknown> {
  const traces = await tracesIn(call, 'production');
  return Promise.all(traces.map(async (trace) => ({ trace, spans: await spansOf(call, trace.traceId) })));
}

for (const backend of BACKENDS) {
  backend.describe(`replay runs on the server (${backend.name})`, () => {
    const model = new CountingModels();
    const context = useTestServer(backend, {
      webRoot: null,
      logger: () => undefined,
      optimization: { resolveModel: model.resolve },
    });
    const deps = () => ({ store: context().store, resolveModel: model.resolve });

    it('POST /api/replays answers 202 and writes one shadow trace per replayable production trace, linked to it, production unchanged', async () => {
      const { call, sources, noInput } = await seed(context().url, context().store);
      const before = await production(call);
      const delivered = model.delivered;
      const started = await call('POST', '/api/replays', { prompt: { name: 'extractor' }, concurrency: 3 });
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      expect(started.body).toMatchObject({
        status: 'running',
        promptName: 'extractor',
        promptVersion: 1,
        datasetName: 'replay.extractor',
        datasetVersion: 1,
        model: 'sim:schemaorg',
        simulated: true,
        settings: {
          serverReplay: {
            format: 1,
            promptName: 'extractor',
            promptVersion: 1,
            sourceEnvironment: 'production',
            targetEnvironment: 'shadow',
            limit: 100,
            since: null,
            model: 'sim:schemaorg',
            concurrency: 3,
          },
        },
      });
      const id = String(started.body.id);
      const done = await finished(call, id);
      expect(done.status, done.error ?? '').toBe('completed');

      // One item per source trace of the prompt: the 12 answers, and the trace without an input with its reason.
      expect(done.items.map((item) => item.itemId).sort()).toEqual([...sources, noInput].sort());
      const skipped = done.items.filter((item) => item.error !== null);
      expect(skipped.map((item) => item.itemId)).toEqual([noInput]);
      expect(skipped[0]?.error).toMatch(/^skipped: the trace recorded neither variables nor messages/);
      for (const item of done.items.filter((each) => each.error === null)) {
        expect(item.output).toMatch(/@type/);
        expect(item.inputTokens).toBeGreaterThan(0);
      }
      expect(done.summary).toMatchObject({ items: 13, errors: 1, passRate: null });
      expect(model.delivered - delivered).toBe(PAGES.length);

      // The shadow traces: one root span each, in `shadow`, under the ids derived from (experiment, source trace).
      const shadow = await tracesIn(call, 'shadow');
      expect(shadow.map((trace) => trace.traceId).sort()).toEqual(
        sources.map((source) => shadowIds(id, source).traceId).sort(),
      );
      const outputs = new Map(done.items.map((item) => [item.itemId, item.output]));
      for (const source of sources) {
        const ids = shadowIds(id, source);
        const spans = await spansOf(call, ids.traceId);
        expect(spans).toHaveLength(1);
        const span = spans[0] as Span;
        expect(span).toMatchObject({
          spanId: ids.spanId,
          parentSpanId: null,
          name: 'replay extractor',
          environment: 'shadow',
          promptName: 'extractor',
          promptVersion: '1',
          status: 'ok',
        });
        expect(span.model).not.toBeNull();
        expect(span.inputTokens).toBeGreaterThan(0);
        expect(span.outputTokens).toBeGreaterThan(0);
        expect(JSON.stringify(span.input)).toContain('Extract schema.org JSON-LD');
        expect(JSON.stringify(span.output)).toContain(JSON.stringify(outputs.get(source)).slice(1, 40));
        expect(span.attributes['kaizen.replay.source_trace_id']).toBe(source);
        expect(span.attributes['kaizen.replay.source_span_id']).toMatch(/^[0-9a-f]{16}$/);
        expect(span.attributes['kaizen.replay.experiment_id']).toBe(id);
        expect(span.attributes['kaizen.model.simulated']).toBe(true);
      }
      expect(await production(call)).toEqual(before);
    });

    it('a stopped execution is completed by the next one: every model call once, no duplicate shadow trace', async () => {
      const { call, projectId, sources } = await seed(context().url, context().store);
      const experiment = await createReplayRun(deps(), projectId, { prompt: { name: 'extractor' }, concurrency: 2 });
      const start = model.delivered;
      const controller = new AbortController();
      const reached = model.holdAt(model.delivered + 5);
      const first = executeReplayRun(deps(), { projectId, experimentId: experiment.id, signal: controller.signal });
      await reached;
      controller.abort();
      model.release();
      const stopped = await first;
      expect(stopped.outcome).toBe('stopped');
      expect(stopped.experiment.status).toBe('running');
      expect(stopped.modelCalls).toBeLessThan(PAGES.length);

      const second = await executeReplayRun(deps(), { projectId, experimentId: experiment.id });
      expect(second.outcome).toBe('completed');
      expect(second.experiment.status).toBe('completed');
      expect(stopped.modelCalls + second.modelCalls).toBe(PAGES.length);
      expect(model.delivered - start).toBe(PAGES.length);
      expect(stopped.added + second.added).toBe(PAGES.length);
      const done = await finished(call, experiment.id);
      expect(done.items).toHaveLength(PAGES.length + 1);
      const shadow = await tracesIn(call, 'shadow');
      expect(shadow.map((trace) => trace.traceId).sort()).toEqual(
        sources.map((source) => shadowIds(experiment.id, source).traceId).sort(),
      );
      for (const trace of shadow) expect(trace.spanCount).toBe(1);

      // A finished run is not executed again.
      const third = await executeReplayRun(deps(), { projectId, experimentId: experiment.id });
      expect(third).toMatchObject({ outcome: 'finished-elsewhere', added: 0, modelCalls: 0 });
    });

    it('a worker killed after writing shadow spans but not their items costs nothing more and adds no trace', async () => {
      const { call, projectId, sources } = await seed(context().url, context().store);
      const experiment = await createReplayRun(deps(), projectId, { prompt: { name: 'extractor' }, concurrency: 4 });
      const start = model.delivered;
      const down = overrideStore(context().store, {
        experiments: {
          ...context().store.experiments,
          addItems: () => Promise.reject(new KaizenError('unavailable', 'the database is unavailable; retry later')),
        },
      });
      await expect(
        executeReplayRun({ ...deps(), store: down }, { projectId, experimentId: experiment.id }),
      ).rejects.toThrow(/unavailable/);
      expect(model.delivered - start).toBe(PAGES.length);
      // The spans went in before the items that failed: the shadow traces exist already.
      expect(await tracesIn(call, 'shadow')).toHaveLength(PAGES.length);

      const retried = await executeReplayRun(deps(), { projectId, experimentId: experiment.id });
      expect(retried).toMatchObject({ outcome: 'completed', added: PAGES.length, modelCalls: 0 });
      expect(model.delivered - start).toBe(PAGES.length);
      const shadow = await tracesIn(call, 'shadow');
      expect(shadow.map((trace) => trace.traceId).sort()).toEqual(
        sources.map((source) => shadowIds(experiment.id, source).traceId).sort(),
      );
      for (const trace of shadow) expect(trace.spanCount).toBe(1);
    });

    it('two executions at once store every item once and write every shadow trace once', async () => {
      const { call, projectId, sources } = await seed(context().url, context().store);
      const experiment = await createReplayRun(deps(), projectId, { prompt: { name: 'extractor' }, concurrency: 4 });
      const results = await Promise.all([
        executeReplayRun(deps(), { projectId, experimentId: experiment.id }),
        executeReplayRun(deps(), { projectId, experimentId: experiment.id }),
      ]);
      expect(results.map((result) => result.outcome).sort()).toEqual(['completed', 'finished-elsewhere']);
      expect(results.filter((result) => result.outcome === 'completed')).toHaveLength(1);
      const done = await finished(call, experiment.id);
      expect(done.status).toBe('completed');
      expect(new Set(done.items.map((item) => item.itemId)).size).toBe(PAGES.length + 1);
      expect(done.items).toHaveLength(PAGES.length + 1);
      const shadow = await tracesIn(call, 'shadow');
      expect(shadow).toHaveLength(PAGES.length);
      expect(shadow.map((trace) => trace.traceId).sort()).toEqual(
        sources.map((source) => shadowIds(experiment.id, source).traceId).sort(),
      );
      for (const trace of shadow) expect(trace.spanCount).toBe(1);
    });

    it('refuses bad requests before any replay exists (400 / 404)', async () => {
      vi.stubEnv('OPENAI_API_KEY', '');
      try {
        const { call } = await seed(context().url, context().store);
        const refused = async (body: unknown, status: number, message: RegExp) => {
          const answer = await call('POST', '/api/replays', body);
          expect(answer.status, JSON.stringify(answer.body)).toBe(status);
          expect(answer.body.error?.message).toMatch(message);
        };
        const prompt = { name: 'extractor' };
        await refused({ prompt: { name: 'nope' } }, 404, /prompt "nope" not found/);
        await refused({ prompt: { name: 'extractor', version: 7 } }, 404, /prompt "extractor" has no version 7/);
        await refused({ prompt: { name: 'extractor', label: 'production' } }, 404, /no label "production"/);
        await refused({ prompt: { name: 'extractor', version: 1, label: 'production' } }, 400, /not both/);
        await refused({ prompt, limit: 0 }, 400, /limit/);
        await refused({ prompt, limit: 10_001 }, 400, /limit/);
        await refused({ prompt, since: 'yesterday' }, 400, /since/);
        await refused({ prompt, concurrency: 0 }, 400, /concurrency/);
        await refused({ prompt, extra: true }, 400, /unrecognized|extra/i);
        await refused({ prompt, model: 'nonsense' }, 400, /invalid model "nonsense"/);
        await refused({ prompt, model: 'sim:nope' }, 400, /model: unknown simulated task/);
        await refused({ prompt, model: 'openai:gpt-4o-mini' }, 400, /model: set OPENAI_API_KEY/);
        await refused({ prompt, targetEnvironment: 'production' }, 400, /targetEnvironment/);
        await refused({ prompt, sourceEnvironment: 'staging' }, 400, /no traces in "staging"/);
        await refused({ prompt, since: new Date(Date.now() + 60_000).toISOString() }, 400, /no traces/);
        expect((await call('POST', '/api/prompts/modelless/versions', { template: 'Hi {{name}}' })).status).toBe(201);
        await refused({ prompt: { name: 'modelless' } }, 400, /has no model/);
        expect(((await call('GET', '/api/experiments')).body.items as unknown[]).length).toBe(0);
        expect(((await call('GET', '/api/datasets')).body.items as unknown[]).length).toBe(0);
      } finally {
        vi.unstubAllEnvs();
      }
    });
  });
}
