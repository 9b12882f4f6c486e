// Contract: experiments — created running, items in batches, a summary at the end, no changes after; references to
// prompt and dataset versions enforced; lists by run; isolation between projects.
import type { ChecklistResult } from '@kaizen/core';
import { createPromptContent } from '@kaizen/core';
import { describe, expect, it } from 'vitest';
import type { CreateExperimentInput, ExperimentItemInput } from '../../src/experiments/experiment-types.js';
import { expectKaizenError } from './expect-kaizen-error.js';
import type { StoreContext } from './store-context.js';

const result = (json: boolean, type: boolean, extra: Partial<ChecklistResult> = {}): ChecklistResult => ({
  score: (Number(json) * 2 + Number(type)) / 3,
  passed: json && type,
  label: json && type ? 'pass' : 'fail',
  results: [
    { criterionId: 'json', status: json ? 'passed' : 'failed', rationale: json ? null : 'not JSON' },
    { criterionId: 'type', status: type ? 'passed' : 'failed', rationale: null },
  ],
  errors: 0,
  judgeUsage: null,
  ...extra,
});

export const item = (itemId: string, checked: ChecklistResult | null, extra: Partial<ExperimentItemInput> = {}) =>
  ({
    itemId,
    output: checked === null ? null : `{"@type":"Thing","id":"${itemId}"}`,
    error: checked === null ? 'model call failed: 503' : null,
    cached: false,
    result: checked,
    inputTokens: 120,
    outputTokens: 30,
    costUsd: null,
    latencyMs: 400,
    ...extra,
  }) satisfies ExperimentItemInput;

/** A prompt version and a dataset version for experiments to point at. */
export async function experimentTargets(context: StoreContext, projectId: string): Promise<CreateExperimentInput> {
  await context.store.prompts.createVersion(projectId, 'extractor', {
    content: createPromptContent({ template: 'Extract {{html}}', model: 'sim:schemaorg' }),
  });
  await context.store.datasets.createVersion(projectId, 'pages', {
    items: ['a', 'b', 'c', 'd'].map((itemId) => ({ itemId, input: { html: `<p>${itemId}</p>` } })),
    source: { kind: 'import', format: 'jsonl' },
  });
  return {
    promptName: 'extractor',
    promptVersion: 1,
    datasetName: 'pages',
    datasetVersion: 1,
    datasetSplit: null,
    model: 'sim:schemaorg',
    simulated: true,
    evaluator: 'extractor',
    checklistHash: 'a'.repeat(64),
    criteria: [
      { id: 'json', description: 'valid JSON', weight: 2, kind: 'json_valid' },
      { id: 'type', description: 'specific type', weight: 1, kind: 'regex' },
    ],
    passThreshold: 1,
    settings: { concurrency: 4, cache: true },
  };
}

export function describeExperimentsContract(context: StoreContext): void {
  describe('experiments', () => {
    it('runs from created to completed: items in batches, in order, then a summary; nothing changes after', async () => {
      const { id } = await context.project();
      const experiments = context.store.experiments;
      const input = await experimentTargets(context, id);
      const created = await experiments.create(id, { ...input, name: 'baseline' });
      expect(created).toMatchObject({ ...input, name: 'baseline', status: 'running', summary: null, finishedAt: null });
      expect(created.id).toMatch(/^[0-9a-f-]{36}$/);

      expect(
        await experiments.addItems(id, created.id, [
          item('a', result(true, true), { cached: true, costUsd: 0.001, latencyMs: 100 }),
          item('b', result(true, false), { costUsd: 0.002, latencyMs: 300 }),
        ]),
      ).toEqual({ total: 2 });
      await experiments.addItems(id, created.id, [
        item('c', null, { latencyMs: null, inputTokens: null, outputTokens: null }),
        item('d', result(false, false, { errors: 1, label: 'error' }), { costUsd: 0.003, latencyMs: 500 }),
      ]);
      await expectKaizenError(experiments.addItems(id, created.id, [item('a', result(true, true))]), 'conflict');

      const finished = await experiments.finish(id, created.id, { status: 'completed' });
      expect(finished.status).toBe('completed');
      expect(finished.finishedAt).not.toBeNull();
      expect(finished.summary).toMatchObject({
        items: 4,
        errors: 1,
        evaluationErrors: 1,
        passed: 1,
        // Items with a verdict: a and b (c failed to call, d has an errored criterion).
        passRate: 0.5,
        cachedItems: 1,
        modelCalls: 3,
        inputTokens: 360,
        outputTokens: 90,
        meanLatencyMs: 300,
        p95LatencyMs: 500,
      });
      expect(finished.summary?.costUsd).toBeCloseTo(0.006, 10);
      expect(finished.summary?.meanScore).toBeCloseTo((1 + 2 / 3 + 0) / 3, 10);
      expect(finished.summary?.criteria).toEqual([
        { criterionId: 'json', passed: 2, failed: 1, errored: 0, skipped: 0, passRate: 2 / 3 },
        { criterionId: 'type', passed: 1, failed: 2, errored: 0, skipped: 0, passRate: 1 / 3 },
      ]);

      const read = await experiments.getWithItems(id, created.id);
      expect(read).toMatchObject({ ...finished, items: expect.any(Array) });
      expect(read?.items.map((entry) => entry.itemId)).toEqual(['a', 'b', 'c', 'd']);
      expect(read?.items[0]).toEqual({
        ...item('a', result(true, true), { cached: true, costUsd: 0.001, latencyMs: 100 }),
        score: 1,
        passed: true,
        label: 'pass',
      });
      expect(read?.items[2]).toMatchObject({
        output: null,
        error: 'model call failed: 503',
        result: null,
        passed: null,
      });
      expect(await experiments.get(id, created.id)).toEqual(finished);

      await expectKaizenError(experiments.addItems(id, created.id, [item('e', result(true, true))]), 'conflict');
      await expectKaizenError(experiments.finish(id, created.id, { status: 'failed' }), 'conflict');
      expect(await experiments.listItems(id, created.id)).toEqual(read?.items);
    });

    it('records a failed run with its error, and refuses unknown prompt or dataset versions', async () => {
      const { id } = await context.project();
      const experiments = context.store.experiments;
      const input = await experimentTargets(context, id);
      const created = await experiments.create(id, input);
      const failed = await experiments.finish(id, created.id, { status: 'failed', error: 'judge unreachable' });
      expect(failed).toMatchObject({ status: 'failed', error: 'judge unreachable', summary: { items: 0 } });
      await expectKaizenError(experiments.create(id, { ...input, promptVersion: 9 }), 'not_found', /version 9/);
      await expectKaizenError(experiments.create(id, { ...input, datasetVersion: 2 }), 'not_found');
      await expectKaizenError(experiments.addItems(id, 'no-such-id', []), 'not_found');
      expect(await experiments.get(id, 'no-such-id')).toBeNull();
    });

    it('lists experiments newest first, by prompt version, dataset, split, model and checklist', async () => {
      const { id } = await context.project();
      const experiments = context.store.experiments;
      const input = await experimentTargets(context, id);
      await context.store.prompts.createVersion(id, 'extractor', {
        content: createPromptContent({ template: 'Extract JSON-LD from {{html}}' }),
      });
      // Apart in time: the list is ordered by creation time (ties are broken by id, in no useful order).
      const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
      const first = await experiments.create(id, input);
      await pause();
      const second = await experiments.create(id, { ...input, promptVersion: 2, datasetSplit: 'validation' });
      await pause();
      const third = await experiments.create(id, { ...input, model: 'openai:gpt-4o-mini', simulated: false });
      await experiments.finish(id, first.id, { status: 'completed' });
      const ids = async (query: Parameters<typeof experiments.list>[1]) =>
        (await experiments.list(id, query)).map((experiment) => experiment.id);
      expect(await ids({})).toEqual([third.id, second.id, first.id]);
      expect(await ids({ promptVersion: 2 })).toEqual([second.id]);
      expect(await ids({ datasetSplit: 'validation' })).toEqual([second.id]);
      expect(await ids({ datasetSplit: 'all', model: 'sim:schemaorg' })).toEqual([first.id]);
      expect(await ids({ status: 'completed', checklistHash: 'a'.repeat(64) })).toEqual([first.id]);
      expect(await ids({ datasetName: 'other' })).toEqual([]);
      expect(await ids({ limit: 1 })).toEqual([third.id]);
      expect((await experiments.get(id, third.id))?.simulated).toBe(false);
      await expectKaizenError(experiments.list(id, { limit: 0 }), 'invalid_input');
    });

    it('keeps the experiments of one project out of another', async () => {
      const one = await context.project();
      const two = await context.project();
      const experiments = context.store.experiments;
      const input = await experimentTargets(context, one.id);
      const created = await experiments.create(one.id, input);
      expect(await experiments.get(two.id, created.id)).toBeNull();
      expect(await experiments.list(two.id)).toEqual([]);
      await expectKaizenError(experiments.addItems(two.id, created.id, [item('a', null)]), 'not_found');
      await expectKaizenError(experiments.finish(two.id, created.id, { status: 'completed' }), 'not_found');
      // Two's prompt and dataset do not exist, even with the same names.
      await expectKaizenError(experiments.create(two.id, input), 'not_found');
    });
  });
}
