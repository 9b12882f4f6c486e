// Contract: insights — stored root-cause reports by view, and the scored traces a report is computed from.
import { describe, expect, it } from 'vitest';
import { checklist, results, scoreInput, storeTrace } from './evaluation-contract-fixtures.js';
import type { StoreContext } from './store-context.js';

export function describeInsightsContract(context: StoreContext): void {
  describe('insights', () => {
    it('stores a report with its view, reads it back and lists by view, newest first', async () => {
      const project = await context.project();
      const { insights } = context.store;
      const report = { causes: [{ id: 'cause:json', drivers: [] }], notes: ['small'] };
      const first = await insights.create(project.id, {
        view: { evaluatorName: 'support', environment: 'production', from: '2025-03-01T00:00:00.000Z' },
        report,
        traceCount: 12,
      });
      expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await insights.get(project.id, first.id)).toEqual(first);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const second = await insights.create(project.id, {
        view: { evaluatorName: 'support', datasetName: 'golden', datasetVersion: 2 },
        report: { causes: [] },
        traceCount: 3,
      });
      const other = await insights.create(project.id, {
        view: { evaluatorName: 'tone', promptName: 'chat', promptVersion: '3', experimentId: 'e1', to: 'x' },
        report: {},
        traceCount: 0,
      });
      const summary = ({ report: _report, ...rest }: typeof first) => rest;
      expect(await insights.list(project.id, { evaluatorName: 'support' })).toEqual([summary(second), summary(first)]);
      expect(await insights.list(project.id, { datasetName: 'golden', datasetVersion: 2 })).toEqual([summary(second)]);
      expect(await insights.list(project.id, { promptName: 'chat', experimentId: 'e1' })).toEqual([summary(other)]);
      expect(await insights.list(project.id, { environment: 'staging' })).toEqual([]);
      expect((await insights.list(project.id)).length).toBe(3);
      expect((await insights.list(project.id, { limit: 1 })).length).toBe(1);
    });

    it('keeps projects apart', async () => {
      const a = await context.project();
      const b = await context.project();
      const created = await context.store.insights.create(a.id, {
        view: { evaluatorName: 'support' },
        report: {},
        traceCount: 1,
      });
      expect(await context.store.insights.get(b.id, created.id)).toBeNull();
      expect(await context.store.insights.list(b.id)).toEqual([]);
    });

    it("reads a view's scored traces with per-criterion statuses, newest version of each, and by trace ids", async () => {
      const project = await context.project();
      const store = context.store;
      await store.evaluators.createVersion(project.id, 'support', { definition: checklist() });
      await store.evaluators.createVersion(project.id, 'support', { definition: checklist({ passThreshold: 0.2 }) });
      const older = await storeTrace(store, project.id, { startTime: '2025-03-01T10:00:00.000Z' });
      const newer = await storeTrace(store, project.id, { startTime: '2025-03-01T11:00:00.000Z' });
      const staging = await storeTrace(store, project.id, {
        startTime: '2025-03-01T12:00:00.000Z',
        environment: 'staging',
      });
      await store.scores.write(project.id, scoreInput({ traceId: older }));
      await store.scores.write(
        project.id,
        scoreInput({ traceId: older, evaluatorVersion: 2, results: results({ json: 'failed', short: 'passed' }) }),
      );
      await store.scores.write(project.id, scoreInput({ traceId: newer, results: results({ json: 'errored' }) }));
      await store.scores.write(project.id, scoreInput({ traceId: staging }));

      const view = await store.insights.scoredTracesOfView(
        project.id,
        { evaluatorName: 'support', environment: 'production' },
        10,
      );
      expect(view).toEqual([
        {
          traceId: newer,
          startTime: '2025-03-01T11:00:00.000Z',
          evaluatorVersion: 1,
          results: { json: 'errored' },
          rationales: { json: 'json errored' },
        },
        {
          traceId: older,
          startTime: '2025-03-01T10:00:00.000Z',
          evaluatorVersion: 2,
          results: { json: 'failed', short: 'passed' },
          rationales: { json: 'json failed' },
        },
      ]);
      expect(
        await store.insights.scoredTracesOfView(project.id, { evaluatorName: 'support', environment: 'production' }, 1),
      ).toHaveLength(1);
      const byId = await store.insights.scoredTraces(project.id, [older, staging, 'f'.repeat(32)], 'support');
      expect(byId.map((trace) => trace.traceId).sort()).toEqual([older, staging].sort());
      expect(byId.find((trace) => trace.traceId === older)?.evaluatorVersion).toBe(2);
      expect(await store.insights.scoredTraces(project.id, [older], 'tone')).toEqual([]);
    });
  });
}
