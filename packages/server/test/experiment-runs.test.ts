// Experiments run on the server, over a real server and store on both backends, with the simulated schema.org model:
// POST /api/experiments/runs → 202 → completed with every item scored; bad requests refused before any row exists;
// an execution stopped mid-run, or killed after paying for answers it could not store, completed by the next one
// without repeating a model call; two executions at once storing every item once.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KaizenError } from '@kaizen/core';
import { resolveModel } from '@kaizen/models';
import type { Experiment, ExperimentItemRecord, Store } from '@kaizen/store';
import { expect, it, vi } from 'vitest';
import { executeExperimentRun } from '../src/experiments/execute-experiment-run.js';
import { resolveExperimentRunRequest } from '../src/experiments/resolve-experiment-run-request.js';
import { createEvaluatorCompiler } from '../src/online/compiled-evaluators.js';
import type { ModelRef } from '../src/optimizations/optimization-models.js';
import { BACKENDS } from './support/backends.js';
import { overrideStore } from './support/store-wrappers.js';
import { createProjectWithKey, useTestServer } from './support/test-server.js';

const FIXTURE = fileURLToPath(new URL('../../../fixtures/schemaorg/schemaorg.jsonl', import.meta.url));
const ITEM_COUNT = 30;

interface Page {
  readonly id: string;
  readonly html: string;
  readonly types: readonly string[];
  readonly main_types: readonly string[] | null;
}

/** 30 distinct pages: the first 20 in validation, the rest in holdout. */
const ITEMS = readFileSync(FIXTURE, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .slice(0, ITEM_COUNT)
  .map((line, index) => {
    const page = JSON.parse(line) as Page;
    return {
      itemId: page.id,
      input: { html: page.html },
      expected: { '@type': page.main_types?.[0] ?? page.types[0] },
      split: index < 20 ? 'validation' : 'holdout',
    };
  });

/** The fixture holds one page twice (items 19 and 20): one request, paid for once per run, the second item cached. */
const DISTINCT_REQUESTS = new Set(ITEMS.map((item) => item.input.html)).size;

const EVALUATOR = {
  name: 'extractor',
  definition: {
    name: 'extractor',
    passThreshold: 1,
    criteria: [
      { id: 'json-only', description: 'The answer is raw JSON only', weight: 2, check: { kind: 'json_valid' } },
      {
        id: 'main-type',
        description: 'Uses the most specific schema.org @type of the page',
        weight: 1,
        check: { kind: 'field_equals', path: "$['@type']", expected: { expectedPath: "$['@type']" }, mode: 'extract' },
      },
    ],
  },
};

const RUN = {
  prompt: { name: 'extractor' },
  dataset: { name: 'pages' },
  evaluator: { name: 'extractor' },
  model: 'sim:schemaorg',
};

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown> & { error?: { code: string; message: string } };
}

type Call = (method: string, path: string, body?: unknown) => Promise<Answer>;

function client(url: string, key: string): Call {
  return async (method, path, body) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };
}

/** Counts the simulated model's delivered answers; an answer the caller aborted is never delivered (nor paid). */
class CountingModel {
  delivered = 0;

  resolve = (spec: string): ModelRef => {
    const inner = resolveModel(spec);
    const counter = this;
    return {
      specificationVersion: inner.specificationVersion,
      provider: inner.provider,
      modelId: inner.modelId,
      supportedUrls: inner.supportedUrls,
      async doGenerate(options) {
        const result = await inner.doGenerate(options);
        options.abortSignal?.throwIfAborted();
        counter.delivered += 1;
        return result;
      },
      doStream: (options) => inner.doStream(options),
    };
  };
}

/** A project with a prompt, the 30-page dataset and the evaluator, made through the API. */
async function project(url: string, store: Store): Promise<{ call: Call; projectId: string }> {
  const { key, project: created } = await createProjectWithKey(store, 'experiment-runs');
  const call = client(url, key);
  const prompt = await call('POST', '/api/prompts/extractor/versions', {
    template: [
      { role: 'system', content: 'Extract schema.org JSON-LD. Respond with raw JSON only, no prose.' },
      { role: 'user', content: '{{html}}' },
    ],
  });
  expect(prompt.status, JSON.stringify(prompt.body)).toBe(201);
  expect((await call('POST', '/api/datasets/pages/versions', { items: ITEMS })).status).toBe(201);
  expect((await call('POST', '/api/evaluators', EVALUATOR)).status).toBe(201);
  return { call, projectId: created.id };
}

async function finished(call: Call, id: string): Promise<Experiment & { items: ExperimentItemRecord[] }> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const answer = await call('GET', `/api/experiments/${id}`);
    expect(answer.status).toBe(200);
    const experiment = answer.body as unknown as Experiment & { items: ExperimentItemRecord[] };
    if (experiment.status !== 'running') return experiment;
    if (Date.now() > deadline) throw new Error(`experiment ${id} still running after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const idsOf = (items: readonly ExperimentItemRecord[]) => items.map((item) => item.itemId);

for (const backend of BACKENDS) {
  backend.describe(`experiments run on the server (${backend.name})`, () => {
    const model = new CountingModel();
    const context = useTestServer(backend, {
      webRoot: null,
      logger: () => undefined,
      optimization: { resolveModel: model.resolve },
    });
    const compiler = () =>
      createEvaluatorCompiler({
        store: context().store,
        customChecks: () => undefined,
        judge: undefined,
        latestTtlMs: 0,
      });
    /** An experiment created as the route creates it, without starting it. */
    const created = async (projectId: string, request: Record<string, unknown> = {}) => {
      const input = await resolveExperimentRunRequest(
        { store: context().store, resolveModel: model.resolve },
        projectId,
        { ...RUN, ...request },
      );
      return context().store.experiments.create(projectId, input);
    };

    it('POST /api/experiments/runs answers 202, runs in the background and completes with every item scored', async () => {
      const { call } = await project(context().url, context().store);
      const before = model.delivered;
      const started = await call('POST', '/api/experiments/runs', { ...RUN, name: 'server run', concurrency: 3 });
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      expect(started.body).toMatchObject({
        status: 'running',
        name: 'server run',
        promptName: 'extractor',
        promptVersion: 1,
        datasetName: 'pages',
        datasetVersion: 1,
        datasetSplit: null,
        model: 'sim:schemaorg',
        simulated: true,
        evaluator: 'extractor',
        settings: {
          serverRun: {
            format: 1,
            promptVersion: 1,
            datasetVersion: 1,
            split: null,
            evaluatorName: 'extractor',
            evaluatorVersion: 1,
            concurrency: 3,
          },
        },
      });
      const done = await finished(call, String(started.body.id));
      expect(done.status, done.error ?? '').toBe('completed');
      expect(idsOf(done.items).sort()).toEqual(ITEMS.map((item) => item.itemId).sort());
      expect(done.items.every((item) => item.error === null && item.result !== null && item.score !== null)).toBe(true);
      expect(DISTINCT_REQUESTS).toBe(ITEM_COUNT - 1);
      expect(done.summary).toMatchObject({
        items: ITEM_COUNT,
        errors: 0,
        modelCalls: DISTINCT_REQUESTS,
        cachedItems: 1,
      });
      expect(model.delivered - before).toBe(DISTINCT_REQUESTS);

      // The same request again: every answer from the response cache, on the holdout split only this time.
      const again = await call('POST', '/api/experiments/runs', {
        ...RUN,
        dataset: { name: 'pages', split: 'holdout' },
      });
      expect(again.status).toBe(202);
      const cached = await finished(call, String(again.body.id));
      expect(cached.status).toBe('completed');
      expect(cached.summary).toMatchObject({ items: 10, modelCalls: 0, cachedItems: 10 });
      expect(model.delivered - before).toBe(DISTINCT_REQUESTS);
    });

    it('refuses a bad request with a clear message before any experiment exists', async () => {
      const { call } = await project(context().url, context().store);
      vi.stubEnv('OPENAI_API_KEY', '');
      const refused = async (body: Record<string, unknown>, status: number, message: RegExp) => {
        const answer = await call('POST', '/api/experiments/runs', { ...RUN, ...body });
        expect(answer.status, JSON.stringify(answer.body)).toBe(status);
        expect(answer.body.error?.message).toMatch(message);
      };
      try {
        await refused({ prompt: { name: 'nope' } }, 404, /prompt "nope" not found/);
        await refused({ prompt: { name: 'extractor', version: 7 } }, 404, /prompt "extractor" has no version 7/);
        await refused({ prompt: { name: 'extractor', label: 'production' } }, 404, /no label "production"/);
        await refused({ prompt: { name: 'extractor', version: 1, label: 'production' } }, 400, /not both/);
        await refused({ dataset: { name: 'nope' } }, 404, /dataset "nope" not found/);
        await refused({ dataset: { name: 'pages', version: 3 } }, 404, /dataset "pages" has no version 3/);
        await refused({ dataset: { name: 'pages', split: 'train' } }, 400, /has no train items/);
        await refused({ dataset: { name: 'pages', split: 'test' } }, 400, /dataset\.split/);
        await refused({ evaluator: { name: 'nope' } }, 404, /evaluator "nope" not found/);
        await refused({ evaluator: { name: 'extractor', version: 2 } }, 404, /evaluator "extractor" has no version 2/);
        await refused({ model: 'sim:nope' }, 400, /model: unknown simulated task/);
        await refused({ model: 'nonsense' }, 400, /model: invalid model "nonsense"/);
        await refused({ model: 'openai:gpt-4o-mini' }, 400, /model: set OPENAI_API_KEY/);
        await refused({ model: undefined }, 400, /model/);
        await refused({ concurrency: 0 }, 400, /concurrency/);
        await refused({ extra: true }, 400, /unrecognized|extra/i);
      } finally {
        vi.unstubAllEnvs();
      }
      expect((await call('GET', '/api/experiments')).body.items).toEqual([]);
    });

    it('an execution stopped after N answers is completed by the next without repeating a call or an item', async () => {
      const { projectId } = await project(context().url, context().store);
      const experiment = await created(projectId, { concurrency: 1 });
      const counting = new CountingModel();
      // Stop once the 7th answer is in the cache (concurrency 1: no call is in flight then).
      const controller = new AbortController();
      let cachedAnswers = 0;
      const store = overrideStore(context().store, {
        responseCache: {
          lookup: (id, keys) => context().store.responseCache.lookup(id, keys),
          put: async (id, entries) => {
            const stored = await context().store.responseCache.put(id, entries);
            cachedAnswers += entries.length;
            if (cachedAnswers >= 7) controller.abort();
            return stored;
          },
        },
      });
      const deps = { store, compiler: compiler(), resolveModel: counting.resolve };
      const first = await executeExperimentRun(deps, {
        projectId,
        experimentId: experiment.id,
        signal: controller.signal,
      });
      expect(first).toMatchObject({ outcome: 'stopped', added: 7, modelCalls: 7 });
      expect(first.experiment.status).toBe('running');
      expect(counting.delivered).toBe(7);

      const second = await executeExperimentRun(deps, { projectId, experimentId: experiment.id });
      expect(second).toMatchObject({ outcome: 'completed', added: ITEM_COUNT - 7, modelCalls: DISTINCT_REQUESTS - 7 });
      expect(counting.delivered).toBe(DISTINCT_REQUESTS);
      const items = await context().store.experiments.listItems(projectId, experiment.id);
      expect(new Set(idsOf(items)).size).toBe(ITEM_COUNT);
      expect(items).toHaveLength(ITEM_COUNT);
      expect(second.experiment.summary).toMatchObject({ items: ITEM_COUNT, modelCalls: DISTINCT_REQUESTS, errors: 0 });

      // Done is done: a third execution changes nothing.
      const third = await executeExperimentRun(deps, { projectId, experimentId: experiment.id });
      expect(third).toMatchObject({ outcome: 'finished-elsewhere', added: 0, modelCalls: 0 });
    });

    it('a worker killed after paying for answers it could not store costs nothing more: the retry reads the cache', async () => {
      const { projectId } = await project(context().url, context().store);
      const experiment = await created(projectId, { concurrency: 4 });
      const counting = new CountingModel();
      const down = overrideStore(context().store, {
        experiments: {
          ...context().store.experiments,
          addItems: () => Promise.reject(new KaizenError('unavailable', 'the database is unavailable; retry later')),
        },
      });
      await expect(
        executeExperimentRun(
          { store: down, compiler: compiler(), resolveModel: counting.resolve },
          { projectId, experimentId: experiment.id },
        ),
      ).rejects.toThrow(/unavailable/);
      expect(counting.delivered).toBe(DISTINCT_REQUESTS);
      expect((await context().store.experiments.get(projectId, experiment.id))?.status).toBe('running');

      const retried = await executeExperimentRun(
        { store: context().store, compiler: compiler(), resolveModel: counting.resolve },
        { projectId, experimentId: experiment.id },
      );
      expect(retried).toMatchObject({ outcome: 'completed', added: ITEM_COUNT, modelCalls: 0 });
      expect(counting.delivered).toBe(DISTINCT_REQUESTS);
      expect(retried.experiment.summary).toMatchObject({ items: ITEM_COUNT, cachedItems: ITEM_COUNT, modelCalls: 0 });
    });

    it('two executions of one experiment at once store every item once', async () => {
      const { projectId } = await project(context().url, context().store);
      const experiment = await created(projectId, { concurrency: 2 });
      const deps = { store: context().store, compiler: compiler(), resolveModel: new CountingModel().resolve };
      const results = await Promise.all([
        executeExperimentRun(deps, { projectId, experimentId: experiment.id }),
        executeExperimentRun(
          { ...deps, resolveModel: new CountingModel().resolve },
          { projectId, experimentId: experiment.id },
        ),
      ]);
      // One finishes it; the other finds it finished (its finish, or its start, comes second).
      expect(results.map((result) => result.outcome).sort()).toEqual(['completed', 'finished-elsewhere']);
      expect(results[0].added + results[1].added).toBe(ITEM_COUNT);
      const items = await context().store.experiments.listItems(projectId, experiment.id);
      expect(items).toHaveLength(ITEM_COUNT);
      expect(new Set(idsOf(items)).size).toBe(ITEM_COUNT);
      const stored = await context().store.experiments.get(projectId, experiment.id);
      expect(stored?.status).toBe('completed');
      expect(stored?.summary?.items).toBe(ITEM_COUNT);
    });

    it('fails an experiment whose prompt version cannot be read, with the reason', async () => {
      const { projectId } = await project(context().url, context().store);
      const experiment = await created(projectId);
      const missing = overrideStore(context().store, {
        prompts: { ...context().store.prompts, getVersion: async () => null },
      });
      const result = await executeExperimentRun(
        { store: missing, compiler: compiler(), resolveModel: model.resolve },
        { projectId, experimentId: experiment.id },
      );
      expect(result.outcome).toBe('failed');
      expect(result.experiment).toMatchObject({ status: 'failed', error: 'prompt "extractor" has no version 1' });
    });

    it('refuses to execute an experiment without a run spec (a kaizen eval run) and leaves it running', async () => {
      const { call, projectId } = await project(context().url, context().store);
      const clientRun = await call('POST', '/api/experiments', {
        promptName: 'extractor',
        promptVersion: 1,
        datasetName: 'pages',
        datasetVersion: 1,
        datasetSplit: null,
        model: 'sim:schemaorg',
        simulated: true,
        evaluator: 'extractor',
        checklistHash: 'a'.repeat(64),
        criteria: [{ id: 'json-only', description: 'JSON', weight: 1, kind: 'json_valid' }],
        passThreshold: 1,
      });
      expect(clientRun.status).toBe(201);
      const id = String(clientRun.body.id);
      await expect(
        executeExperimentRun({ store: context().store, compiler: compiler() }, { projectId, experimentId: id }),
      ).rejects.toThrow(/settings hold no serverRun/);
      expect((await context().store.experiments.get(projectId, id))?.status).toBe('running');
    });

    it('another project cannot start a run on this project’s prompt, dataset or evaluator', async () => {
      await project(context().url, context().store);
      const other = client(context().url, (await createProjectWithKey(context().store, 'other')).key);
      expect((await other('POST', '/api/experiments/runs', RUN)).status).toBe(404);
      expect((await other('GET', '/api/experiments')).body.items).toEqual([]);
    });
  });
}
