// Contract: optimization runs — create, read, list newest first with filters, partial and conditional updates,
// candidates upserted by id in creation order, crash recovery, and project isolation.
import { createPromptContent, type OptimizationSpend } from '@kaizen/core';
import { describe, expect, it } from 'vitest';
import type { CreateOptimizationRunInput, OptimizationCandidateInput } from '../../src/optimizations/index.js';
import type { Store } from '../../src/store.js';
import { checklist } from './evaluation-contract-fixtures.js';
import { expectKaizenError } from './expect-kaizen-error.js';
import type { StoreContext } from './store-context.js';

/** A prompt, a dataset and an evaluator, version 1 each: what a run references. */
async function runInput(
  store: Store,
  projectId: string,
  promptName = 'extractor',
): Promise<CreateOptimizationRunInput> {
  await store.prompts.createVersion(projectId, promptName, {
    content: createPromptContent({ template: 'Extract {{html}}', model: 'sim:schemaorg' }),
  });
  await store.datasets.createVersion(projectId, 'pages', {
    items: [{ itemId: 'p1', input: { html: '<h1>x</h1>' } }],
    source: { kind: 'import', format: 'jsonl' },
  });
  await store.evaluators.createVersion(projectId, 'support', { definition: checklist() });
  return {
    promptName,
    startVersion: 1,
    datasetName: 'pages',
    datasetVersion: 1,
    evaluatorName: 'support',
    evaluatorVersion: 1,
    model: 'sim:schemaorg',
    optimizerModel: null,
    simulated: true,
    budget: { maxCandidateEvals: 100, maxUsd: 1.5 },
    settings: { seed: 3, operators: ['criterion-to-instruction', 'ablate'] },
  };
}

const cost = { calls: 4, paidCalls: 3, inputTokens: 400, outputTokens: 90, costUsd: 0.0125 };

function candidate(id: string, overrides: Partial<OptimizationCandidateInput> = {}): OptimizationCandidateInput {
  return {
    id,
    parentId: id === 'c0' ? null : 'c0',
    round: id === 'c0' ? 0 : 1,
    promptVersion: null,
    status: id === 'c0' ? 'start' : 'proposed',
    edit:
      id === 'c0'
        ? null
        : { part: 'system', operator: 'criterion-to-instruction', description: 'Ask for JSON', causeId: 'cause:json' },
    promptTokens: 42,
    minibatch: null,
    validation: null,
    acceptance: null,
    cost,
    contentHash: 'a'.repeat(64),
    ...overrides,
  };
}

export function describeOptimizationsContract(context: StoreContext): void {
  describe('optimization runs', () => {
    it('creates a running run with nothing spent and reads it back as written', async () => {
      const { id: projectId } = await context.project();
      const { optimizations } = context.store;
      const input = await runInput(context.store, projectId);
      const run = await optimizations.create(projectId, input);
      expect(run).toMatchObject({
        ...input,
        status: 'running',
        bestVersion: null,
        round: 0,
        progress: { bestCandidateId: null, bestValidationScore: null, candidates: 0 },
        result: null,
        error: null,
        finishedAt: null,
      });
      expect(run.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(run.spend).toEqual({
        calls: 0,
        paidCalls: 0,
        inputTokens: 0,
        outputTokens: 0,
        costUsd: 0,
        candidateEvals: 0,
        optimizerCalls: 0,
      });
      expect(run.createdAt).toBe(run.updatedAt);
      expect(await optimizations.get(projectId, run.id)).toEqual(run);
      expect(await optimizations.get(projectId, '00000000-0000-0000-0000-000000000000')).toBeNull();
    });

    it('refuses a run over a prompt, dataset or evaluator version that does not exist', async () => {
      const { id: projectId } = await context.project();
      const input = await runInput(context.store, projectId);
      const { optimizations } = context.store;
      await expectKaizenError(optimizations.create(projectId, { ...input, startVersion: 9 }), 'not_found');
      await expectKaizenError(optimizations.create(projectId, { ...input, datasetName: 'none' }), 'not_found');
      await expectKaizenError(optimizations.create(projectId, { ...input, evaluatorVersion: 2 }), 'not_found');
      expect(await optimizations.list(projectId)).toEqual([]);
    });

    it('updates only the given fields, and only from the allowed statuses when asked', async () => {
      const { id: projectId } = await context.project();
      const { optimizations } = context.store;
      const run = await optimizations.create(projectId, await runInput(context.store, projectId));
      const spend: OptimizationSpend = { ...cost, candidateEvals: 24, optimizerCalls: 1 };
      const progress = { bestCandidateId: 'c2', bestValidationScore: 0.75, candidates: 3 };
      const moved = await optimizations.update(projectId, run.id, { round: 2, spend, progress });
      expect(moved).toMatchObject({ status: 'running', round: 2, spend, progress, bestVersion: null });
      expect(moved.updatedAt >= run.updatedAt).toBe(true);

      const result = {
        status: 'plateau' as const,
        rounds: 2,
        startId: 'c0',
        bestId: 'c2',
        paretoFront: ['c2'],
        validation: { note: 'opaque to the store' },
        holdout: null,
        spend,
      };
      const finishedAt = new Date().toISOString();
      const done = await optimizations.update(
        projectId,
        run.id,
        // The store keeps the result as JSON without reading it.
        { status: 'plateau', bestVersion: 3, result: result as never, finishedAt },
        { onlyFrom: ['running'] },
      );
      expect(done).toMatchObject({ status: 'plateau', bestVersion: 3, result, finishedAt, round: 2, progress });
      expect(await optimizations.get(projectId, run.id)).toEqual(done);

      await expectKaizenError(
        optimizations.update(projectId, run.id, { status: 'cancelled' }, { onlyFrom: ['running'] }),
        'conflict',
        /is plateau/,
      );
      await expectKaizenError(
        optimizations.update(projectId, '00000000-0000-0000-0000-000000000000', { round: 1 }),
        'not_found',
      );
      const failed = await optimizations.update(projectId, run.id, {
        status: 'failed',
        error: 'model unavailable',
        result: null,
      });
      expect(failed).toMatchObject({ status: 'failed', error: 'model unavailable', result: null, bestVersion: 3 });
    });

    it('lists newest first, filtered by status and prompt, up to a limit', async () => {
      const { id: projectId } = await context.project();
      const { optimizations } = context.store;
      const input = await runInput(context.store, projectId);
      await context.store.prompts.createVersion(projectId, 'other', {
        content: createPromptContent({ template: 'Other {{html}}' }),
      });
      const first = await optimizations.create(projectId, input);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const second = await optimizations.create(projectId, { ...input, promptName: 'other' });
      await new Promise((resolve) => setTimeout(resolve, 5));
      const third = await optimizations.create(projectId, input);
      await optimizations.update(projectId, third.id, { status: 'cancelled' });

      const ids = (runs: readonly { id: string }[]) => runs.map((run) => run.id);
      expect(ids(await optimizations.list(projectId))).toEqual([third.id, second.id, first.id]);
      expect(ids(await optimizations.list(projectId, { status: 'running' }))).toEqual([second.id, first.id]);
      expect(ids(await optimizations.list(projectId, { promptName: 'extractor' }))).toEqual([third.id, first.id]);
      expect(ids(await optimizations.list(projectId, { promptName: 'other', status: 'cancelled' }))).toEqual([]);
      expect(ids(await optimizations.list(projectId, { limit: 1 }))).toEqual([third.id]);
    });

    it('marks every run left running as interrupted, in every project, and nothing else', async () => {
      const a = await context.project();
      const b = await context.project();
      const { optimizations } = context.store;
      const inA = await optimizations.create(a.id, await runInput(context.store, a.id));
      const inB = await optimizations.create(b.id, await runInput(context.store, b.id));
      const done = await optimizations.create(b.id, await runInput(context.store, b.id));
      await optimizations.update(b.id, done.id, { status: 'completed' });

      expect(await optimizations.markAll('running', 'interrupted', 'the server stopped')).toBe(2);
      for (const [projectId, id] of [
        [a.id, inA.id],
        [b.id, inB.id],
      ] as const) {
        const run = await optimizations.get(projectId, id);
        expect(run).toMatchObject({ status: 'interrupted', error: 'the server stopped' });
        expect(run?.finishedAt).not.toBeNull();
      }
      expect((await optimizations.get(b.id, done.id))?.status).toBe('completed');
      expect(await optimizations.markAll('running', 'interrupted', null)).toBe(0);
    });

    it('upserts candidates by id: a rerun updates the row in place, order stays creation order', async () => {
      const { id: projectId } = await context.project();
      const { optimizations } = context.store;
      const run = await optimizations.create(projectId, await runInput(context.store, projectId));
      // Twelve, so c10 and c11 would sort before c2 as text.
      for (let index = 0; index < 12; index += 1) {
        await optimizations.upsertCandidate(projectId, run.id, candidate(`c${index}`, { promptVersion: index + 1 }));
      }
      const listed = await optimizations.listCandidates(projectId, run.id);
      expect(listed.map((row) => row.id)).toEqual(Array.from({ length: 12 }, (_, index) => `c${index}`));
      const second = listed[1];
      expect(second).toMatchObject(candidate('c1', { promptVersion: 2 }));
      expect(second?.createdAt).toBe(second?.updatedAt);

      const validation = { score: 0.8, passRate: 0.5, n: 4, criteria: { json: { passRate: 0.75, n: 4 } } };
      const acceptance = {
        accepted: true,
        kind: 'improvement' as const,
        reason: 'better on validation',
        scoreBefore: 0.5,
        scoreAfter: 0.8,
        wins: 3,
        losses: 0,
        pValue: 0.125,
        regressions: [],
      };
      const minibatch = { score: 0.9, parentScore: 0.4, n: 8 };
      const updated = candidate('c1', { status: 'accepted', validation, acceptance, minibatch, promptVersion: 2 });
      await optimizations.upsertCandidate(projectId, run.id, updated);
      await optimizations.upsertCandidate(projectId, run.id, updated);
      const again = await optimizations.listCandidates(projectId, run.id);
      expect(again).toHaveLength(12);
      expect(again.map((row) => row.id)).toEqual(listed.map((row) => row.id));
      const row = again[1];
      expect(row).toMatchObject(updated);
      expect(row?.createdAt).toBe(listed[1]?.createdAt);
    });

    it('refuses a candidate of a run that is not there', async () => {
      const { id: projectId } = await context.project();
      await expectKaizenError(
        context.store.optimizations.upsertCandidate(projectId, '00000000-0000-0000-0000-000000000000', candidate('c0')),
        'not_found',
      );
    });

    it('keeps projects apart', async () => {
      const a = await context.project();
      const b = await context.project();
      const { optimizations } = context.store;
      const run = await optimizations.create(a.id, await runInput(context.store, a.id));
      await optimizations.upsertCandidate(a.id, run.id, candidate('c0'));
      expect(await optimizations.get(b.id, run.id)).toBeNull();
      expect(await optimizations.list(b.id)).toEqual([]);
      expect(await optimizations.listCandidates(b.id, run.id)).toEqual([]);
      await expectKaizenError(optimizations.update(b.id, run.id, { status: 'cancelled' }), 'not_found');
      await expectKaizenError(optimizations.upsertCandidate(b.id, run.id, candidate('c1')), 'not_found');
      expect((await optimizations.get(a.id, run.id))?.status).toBe('running');
      expect(await optimizations.listCandidates(a.id, run.id)).toHaveLength(1);
    });
  });
}
