// Contract: the evaluator registry (versions deduped by content hash) and the evaluation parts' project isolation.
import { describe, expect, it } from 'vitest';
import { checklist, scoreInput, storeTrace } from './evaluation-contract-fixtures.js';
import { describeEvaluationLabelsContract } from './evaluation-contract-labels.js';
import { describeEvaluationScoresContract } from './evaluation-contract-scores.js';
import { expectKaizenError } from './expect-kaizen-error.js';
import type { StoreContext } from './store-context.js';

export function describeEvaluationContract(context: StoreContext): void {
  describe('evaluator registry', () => {
    it('numbers versions from 1, dedupes identical content whatever its key order, and reads them back', async () => {
      const { id } = await context.project();
      const { evaluators } = context.store;
      const first = await evaluators.createVersion(id, 'support', {
        definition: checklist({ description: 'ünïcödé support answers' }),
        message: 'first',
        author: 'ana',
      });
      expect(first.created).toBe(true);
      expect(first.version).toMatchObject({ name: 'support', version: 1, message: 'first', author: 'ana' });
      expect(first.version.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(first.version.definition.criteria[1]?.check).toEqual({ kind: 'custom', name: 'short' });

      // The same content with keys in another order: the same version, and its message is kept.
      const { name, criteria, passThreshold } = checklist();
      const reordered = { passThreshold, criteria, description: 'ünïcödé support answers', name };
      const again = await evaluators.createVersion(id, 'support', { definition: reordered, message: 'ignored' });
      expect(again).toEqual({ version: first.version, created: false });

      const second = await evaluators.createVersion(id, 'support', { definition: checklist({ passThreshold: 0.9 }) });
      expect(second.version.version).toBe(2);
      await evaluators.createVersion(id, 'other', { definition: checklist({ name: 'other' }) });

      expect(await evaluators.get(id, 'support', 1)).toEqual(first.version);
      expect((await evaluators.get(id, 'support'))?.version).toBe(2);
      expect(await evaluators.get(id, 'support', 3)).toBeNull();
      expect(await evaluators.get(id, 'missing')).toBeNull();
      expect((await evaluators.versions(id, 'support')).map((version) => version.version)).toEqual([2, 1]);
      expect(await evaluators.versions(id, 'missing')).toEqual([]);
      expect(await evaluators.list(id)).toEqual([
        { name: 'other', latestVersion: 1, criteria: 3, updatedAt: expect.any(String) },
        { name: 'support', latestVersion: 2, criteria: 3, updatedAt: second.version.createdAt },
      ]);
    });

    it('numbers concurrent pushes of different content without gaps or duplicates', async () => {
      const { id } = await context.project();
      const { evaluators } = context.store;
      const pushed = await Promise.all(
        [0.1, 0.2, 0.3, 0.4, 0.5].map((threshold) =>
          evaluators.createVersion(id, 'race', { definition: checklist({ passThreshold: threshold }) }),
        ),
      );
      expect(pushed.map((result) => result.version.version).sort()).toEqual([1, 2, 3, 4, 5]);
    });
  });

  describeEvaluationScoresContract(context);
  describeEvaluationLabelsContract(context);

  describe('evaluation isolation', () => {
    it('keeps evaluators, scores, labels and online rules of one project out of another', async () => {
      const a = await context.project();
      const b = await context.project();
      const stores = context.store;
      await stores.evaluators.createVersion(a.id, 'support', { definition: checklist() });
      const traceId = await storeTrace(context.store, a.id);
      // The same trace id in B, with B's own evaluator of the same name.
      await storeTrace(context.store, b.id, { traceId });
      await stores.scores.write(a.id, scoreInput({ traceId }));
      await stores.labels.upsert(a.id, {
        traceId,
        evaluatorName: 'support',
        criterionId: 'polite',
        passed: false,
        note: null,
        author: null,
      });
      await stores.onlineEvaluators.put(a.id, {
        evaluatorName: 'support',
        environment: null,
        promptName: null,
        promptVersion: null,
        samplingRate: 1,
        enabled: true,
      });

      expect(await stores.evaluators.list(b.id)).toEqual([]);
      expect(await stores.evaluators.get(b.id, 'support')).toBeNull();
      expect(await stores.scores.listForTrace(b.id, traceId)).toEqual([]);
      expect((await stores.scores.latestForTraces(b.id, [traceId])).size).toBe(0);
      expect(await stores.scores.timeSeries(b.id, { evaluatorName: 'support' }, 'day')).toEqual([]);
      expect(await stores.scores.criterionPassRates(b.id, { evaluatorName: 'support' })).toEqual([]);
      expect(await stores.labels.listForTrace(b.id, traceId)).toEqual([]);
      expect(await stores.labels.agreementPairs(b.id, 'support')).toEqual([]);
      expect(await stores.onlineEvaluators.list(b.id)).toEqual([]);
      const [rule] = await stores.onlineEvaluators.list(a.id);
      expect(await stores.onlineEvaluators.get(b.id, rule?.id ?? '')).toBeNull();
      expect(await stores.onlineEvaluators.remove(b.id, rule?.id ?? '')).toBe(false);
      // A score in B needs B's own evaluator version.
      await expectKaizenError(stores.scores.write(b.id, scoreInput({ traceId })), 'not_found', /no version 1/);
    });
  });
}
