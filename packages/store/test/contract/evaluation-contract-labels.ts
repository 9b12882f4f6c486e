// Contract: human labels and their pairing with judge verdicts; online evaluation rules.
import { describe, expect, it } from 'vitest';
import { checklist, results, scoreInput, storeTrace } from './evaluation-contract-fixtures.js';
import { newTraceId } from './span-fixtures.js';
import type { StoreContext } from './store-context.js';

export function describeEvaluationLabelsContract(context: StoreContext): void {
  describe('human labels', () => {
    it('upserts one label per trace, evaluator and criterion, and lists a trace labels', async () => {
      const { id } = await context.project();
      const { labels } = context.store;
      const traceId = newTraceId();
      const first = await labels.upsert(id, {
        traceId,
        evaluatorName: 'support',
        criterionId: 'polite',
        passed: true,
        note: 'fine — ünïcödé',
        author: 'ana',
      });
      expect(first.updatedAt).toMatch(/^\d{4}-/);
      await labels.upsert(id, {
        traceId,
        evaluatorName: 'support',
        criterionId: 'json',
        passed: true,
        note: null,
        author: null,
      });
      const changed = await labels.upsert(id, { ...first, passed: false, note: 'rude after all', author: 'bo' });
      const listed = await labels.listForTrace(id, traceId);
      expect(listed.map((label) => [label.criterionId, label.passed, label.note, label.author])).toEqual([
        ['json', true, null, null],
        ['polite', false, 'rude after all', 'bo'],
      ]);
      expect(listed[1]).toEqual(changed);
      expect(await labels.listForTrace(id, newTraceId())).toEqual([]);
    });

    it('pairs labels with the judge verdicts of each trace newest score, leaving out errors and skips', async () => {
      const { id } = await context.project();
      const { evaluators, scores, labels } = context.store;
      await evaluators.createVersion(id, 'support', { definition: checklist() });
      await evaluators.createVersion(id, 'support', { definition: checklist({ passThreshold: 0.9 }) });
      const traces = await Promise.all([1, 2, 3, 4].map(() => storeTrace(context.store, id)));
      const [t1, t2, t3, t4] = traces as [string, string, string, string];
      await scores.write(id, scoreInput({ traceId: t1, results: results({ polite: 'failed', json: 'passed' }) }));
      // t1's newest version says passed: that is the verdict compared.
      await scores.write(
        id,
        scoreInput({ traceId: t1, evaluatorVersion: 2, results: results({ polite: 'passed', json: 'passed' }) }),
      );
      await scores.write(id, scoreInput({ traceId: t2, results: results({ polite: 'failed', json: 'failed' }) }));
      await scores.write(id, scoreInput({ traceId: t3, results: results({ polite: 'errored' }) }));
      const label = (traceId: string, criterionId: string, passed: boolean) =>
        labels.upsert(id, { traceId, evaluatorName: 'support', criterionId, passed, note: null, author: null });
      await label(t1, 'polite', true);
      await label(t2, 'polite', true);
      await label(t2, 'json', false);
      await label(t3, 'polite', false);
      await label(t4, 'polite', false);

      const all = await labels.agreementPairs(id, 'support');
      const sorted = (pairs: typeof all) => [...pairs].sort((a, b) => a.traceId.localeCompare(b.traceId));
      expect(sorted(all.filter((pair) => pair.criterionId === 'polite'))).toEqual(
        sorted([
          { traceId: t1, criterionId: 'polite', judge: true, human: true },
          { traceId: t2, criterionId: 'polite', judge: false, human: true },
        ]),
      );
      expect(all.filter((pair) => pair.criterionId === 'json')).toEqual([
        { traceId: t2, criterionId: 'json', judge: false, human: false },
      ]);
      expect((await labels.agreementPairs(id, 'support', ['json'])).map((pair) => pair.criterionId)).toEqual(['json']);
      expect(await labels.agreementPairs(id, 'support', [])).toEqual([]);
      expect(await labels.agreementPairs(id, 'other')).toEqual([]);
    });
  });

  describe('online evaluators', () => {
    const rule = {
      evaluatorName: 'support',
      environment: 'production',
      promptName: null,
      promptVersion: null,
      samplingRate: 0.25,
      enabled: true,
    };

    it('keeps one rule per evaluator and view, updating its rate and state', async () => {
      const { id } = await context.project();
      const { onlineEvaluators } = context.store;
      const created = await onlineEvaluators.put(id, rule);
      expect(created.created).toBe(true);
      expect(created.evaluator).toMatchObject({ ...rule, projectId: id });
      const updated = await onlineEvaluators.put(id, { ...rule, samplingRate: 1, enabled: false });
      expect(updated.created).toBe(false);
      expect(updated.evaluator).toMatchObject({ id: created.evaluator.id, samplingRate: 1, enabled: false });
      expect(await onlineEvaluators.get(id, created.evaluator.id)).toEqual(updated.evaluator);

      // Another view (null matches any environment) is another rule.
      const anyEnvironment = await onlineEvaluators.put(id, { ...rule, environment: null, promptName: 'p' });
      expect(anyEnvironment.created).toBe(true);
      expect(await onlineEvaluators.put(id, { ...rule, environment: null, promptName: 'p' })).toMatchObject({
        created: false,
      });
      expect((await onlineEvaluators.list(id)).map((item) => item.id).sort()).toEqual(
        [created.evaluator.id, anyEnvironment.evaluator.id].sort(),
      );

      expect(await onlineEvaluators.remove(id, created.evaluator.id)).toBe(true);
      expect(await onlineEvaluators.remove(id, created.evaluator.id)).toBe(false);
      expect(await onlineEvaluators.get(id, created.evaluator.id)).toBeNull();
    });

    it('lists the enabled rules of every project for the worker', async () => {
      const a = await context.project();
      const b = await context.project();
      const { onlineEvaluators } = context.store;
      const inA = await onlineEvaluators.put(a.id, rule);
      const inB = await onlineEvaluators.put(b.id, { ...rule, environment: null });
      await onlineEvaluators.put(b.id, { ...rule, evaluatorName: 'off', enabled: false });
      const enabled = await onlineEvaluators.listEnabled();
      expect(enabled.map((item) => item.id).sort()).toEqual([inA.evaluator.id, inB.evaluator.id].sort());
      expect(enabled.find((item) => item.projectId === b.id)).toEqual(inB.evaluator);
    });
  });
}
