// Contract: trace scores — idempotent writes, latest per trace, and the SQL aggregates over a view.
import { describe, expect, it } from 'vitest';
import { checklist, results, scoreInput, storeTrace } from './evaluation-contract-fixtures.js';
import { expectKaizenError } from './expect-kaizen-error.js';
import { newTraceId } from './span-fixtures.js';
import type { StoreContext } from './store-context.js';

export function describeEvaluationScoresContract(context: StoreContext): void {
  async function projectWithEvaluator(versions = 1) {
    const project = await context.project();
    const { evaluators } = context.store;
    for (let version = 1; version <= versions; version += 1) {
      await evaluators.createVersion(project.id, 'support', { definition: checklist({ passThreshold: version / 10 }) });
    }
    return project;
  }

  describe('trace scores', () => {
    it('round-trips a score, and re-scoring with the same evaluator version replaces it', async () => {
      const { id } = await projectWithEvaluator(2);
      const { scores } = context.store;
      const traceId = await storeTrace(context.store, id);
      const first = scoreInput({
        traceId,
        score: 0.5,
        passed: false,
        label: 'error',
        results: results({ json: 'failed', short: 'errored', polite: 'passed' }),
        evaluatedAt: '2025-03-01T13:00:00.000123Z',
      });
      const written = await scores.write(id, first);
      expect(written).toEqual({ ...first, failedCriteria: ['json'], errors: 1 });
      expect(await scores.listForTrace(id, traceId)).toEqual([written]);

      const rescored = scoreInput({ traceId, evaluatedAt: '2025-03-01T14:00:00.000Z', source: 'manual' });
      await scores.write(id, rescored);
      expect(await scores.listForTrace(id, traceId)).toEqual([{ ...rescored, failedCriteria: [], errors: 0 }]);
      // The per-criterion rows were replaced too.
      expect(await scores.criterionPassRates(id, { evaluatorName: 'support' })).toEqual([
        { criterionId: 'json', passed: 1, failed: 0, errored: 0, skipped: 0, passRate: 1 },
        { criterionId: 'polite', passed: 1, failed: 0, errored: 0, skipped: 0, passRate: 1 },
        { criterionId: 'short', passed: 1, failed: 0, errored: 0, skipped: 0, passRate: 1 },
      ]);

      const other = scoreInput({ traceId, evaluatorVersion: 2, score: null, label: 'skipped', results: [] });
      await scores.write(id, { ...other, evaluatedAt: '2025-03-01T15:00:00.000Z' });
      expect((await scores.listForTrace(id, traceId)).map((score) => [score.evaluatorVersion, score.score])).toEqual([
        [2, null],
        [1, 1],
      ]);
      expect(await scores.listForTrace(id, newTraceId())).toEqual([]);
    });

    it('refuses a score of an evaluator version that does not exist', async () => {
      const { id } = await projectWithEvaluator();
      const traceId = await storeTrace(context.store, id);
      const { scores } = context.store;
      await expectKaizenError(scores.write(id, scoreInput({ traceId, evaluatorVersion: 7 })), 'not_found');
      await expectKaizenError(scores.write(id, scoreInput({ traceId, evaluatorName: 'nope' })), 'not_found');
      await expectKaizenError(scores.write(id, scoreInput({ traceId, evaluatedAt: 'yesterday' })), 'invalid_input');
      expect(await scores.listForTrace(id, traceId)).toEqual([]);
    });

    it('writes many scores in one transaction, answering in input order, all or none', async () => {
      const { id } = await projectWithEvaluator(2);
      const { scores } = context.store;
      const [a, b] = [await storeTrace(context.store, id), await storeTrace(context.store, id)];
      const inputs = [
        scoreInput({ traceId: b, results: results({ json: 'failed', short: 'passed', polite: 'passed' }) }),
        scoreInput({ traceId: a }),
        scoreInput({ traceId: a, evaluatorVersion: 2 }),
      ];
      const written = await scores.writeMany(id, inputs);
      expect(written.map((score) => [score.traceId, score.evaluatorVersion, score.failedCriteria])).toEqual([
        [b, 1, ['json']],
        [a, 1, []],
        [a, 2, []],
      ]);
      expect(await scores.listForTrace(id, a)).toHaveLength(2);
      expect(await scores.writeMany(id, [])).toEqual([]);

      // One score of a missing version: the batch is refused whole, the scores before it in the batch included.
      const c = await storeTrace(context.store, id);
      await expectKaizenError(
        scores.writeMany(id, [scoreInput({ traceId: c }), scoreInput({ traceId: c, evaluatorVersion: 9 })]),
        'not_found',
      );
      expect(await scores.listForTrace(id, c)).toEqual([]);
    });

    it('gives the latest score per trace, of one evaluator or any, for many traces at once', async () => {
      const { id } = await projectWithEvaluator(2);
      const { evaluators, scores } = context.store;
      await evaluators.createVersion(id, 'tone', { definition: checklist({ name: 'tone' }) });
      const [a, b, unscored] = [newTraceId(), newTraceId(), newTraceId()];
      await scores.write(id, scoreInput({ traceId: a, evaluatedAt: '2025-03-01T10:00:00.000Z' }));
      await scores.write(
        id,
        scoreInput({
          traceId: a,
          evaluatorVersion: 2,
          score: 0.25,
          passed: false,
          label: 'fail',
          results: results({ json: 'failed', short: 'failed', polite: 'passed' }),
          evaluatedAt: '2025-03-01T11:00:00.000Z',
        }),
      );
      await scores.write(
        id,
        scoreInput({ traceId: a, evaluatorName: 'tone', evaluatedAt: '2025-03-01T12:00:00.000Z' }),
      );
      // Same instant: the higher version wins.
      await scores.write(id, scoreInput({ traceId: b, evaluatedAt: '2025-03-01T10:00:00.000Z' }));
      await scores.write(id, scoreInput({ traceId: b, evaluatorVersion: 2, evaluatedAt: '2025-03-01T10:00:00.000Z' }));

      const latest = await scores.latestForTraces(id, [a, b, unscored], 'support');
      expect(latest.get(a)).toEqual({
        evaluatorName: 'support',
        evaluatorVersion: 2,
        score: 0.25,
        passed: false,
        label: 'fail',
        failedCriteria: ['json', 'short'],
      });
      expect(latest.get(b)?.evaluatorVersion).toBe(2);
      expect(latest.has(unscored)).toBe(false);
      expect((await scores.latestForTraces(id, [a])).get(a)?.evaluatorName).toBe('tone');
      expect((await scores.latestForTraces(id, [])).size).toBe(0);

      // More ids than one IN list holds.
      const many = Array.from({ length: 1200 }, () => newTraceId());
      const found = await scores.latestForTraces(id, [...many, b]);
      expect([...found.keys()]).toEqual([b]);
    });
  });

  describe('score aggregates', () => {
    it('buckets mean score, pass rate and count by hour or day, with the view filters', async () => {
      const { id } = await projectWithEvaluator(2);
      const { scores } = context.store;
      const at = (iso: string, fields: Parameters<typeof storeTrace>[2] = {}) =>
        storeTrace(context.store, id, { startTime: iso, model: 'claude-sonnet', ...fields });
      const t1 = await at('2025-03-01T10:05:00.000Z', { environment: 'production', model: 'gpt-4o' });
      const t2 = await at('2025-03-01T10:55:00.000Z', { environment: 'production', model: 'gpt-4o-mini' });
      const t3 = await at('2025-03-01T12:00:00.000Z', { environment: 'staging', promptName: 'p', promptVersion: '2' });
      const t4 = await at('2025-03-02T09:00:00.000Z', {
        environment: 'production',
        promptName: 'p',
        promptVersion: '1',
      });
      const write = (traceId: string, score: number | null, passed: boolean, version = 1) =>
        scores.write(id, scoreInput({ traceId, score, passed, evaluatorVersion: version }));
      await write(t1, 1, true);
      await write(t2, 0.5, false);
      await write(t3, null, false);
      await write(t4, 0.2, false);
      // t4 rescored by v2: by default a trace counts once, with its newest version's score.
      await write(t4, 0.8, true, 2);

      expect(await scores.timeSeries(id, { evaluatorName: 'support' }, 'hour')).toEqual([
        { bucketStart: '2025-03-01T10:00:00.000Z', count: 2, meanScore: 0.75, passRate: 0.5 },
        { bucketStart: '2025-03-01T12:00:00.000Z', count: 1, meanScore: null, passRate: 0 },
        { bucketStart: '2025-03-02T09:00:00.000Z', count: 1, meanScore: 0.8, passRate: 1 },
      ]);
      const daily = await scores.timeSeries(id, { evaluatorName: 'support' }, 'day');
      expect(daily.map((point) => [point.bucketStart, point.count, point.passRate])).toEqual([
        ['2025-03-01T00:00:00.000Z', 3, 1 / 3],
        ['2025-03-02T00:00:00.000Z', 1, 1],
      ]);
      expect(daily[0]?.meanScore).toBeCloseTo(0.75);

      const series = (view: Omit<Parameters<typeof scores.timeSeries>[1], 'evaluatorName'>) =>
        scores
          .timeSeries(id, { evaluatorName: 'support', ...view }, 'day')
          .then((points) => points.map((point) => [point.bucketStart.slice(0, 10), point.count, point.meanScore]));
      expect(await series({ evaluatorVersion: 1 })).toEqual([
        ['2025-03-01', 3, 0.75],
        ['2025-03-02', 1, 0.2],
      ]);
      expect(await series({ environment: 'production' })).toEqual([
        ['2025-03-01', 2, 0.75],
        ['2025-03-02', 1, 0.8],
      ]);
      expect(await series({ model: 'gpt-4o-mini' })).toEqual([['2025-03-01', 1, 0.5]]);
      expect(await series({ promptName: 'p' })).toEqual([
        ['2025-03-01', 1, null],
        ['2025-03-02', 1, 0.8],
      ]);
      expect(await series({ promptName: 'p', promptVersion: '1' })).toEqual([['2025-03-02', 1, 0.8]]);
      expect(await series({ from: '2025-03-01T11:00:00Z', to: '2025-03-02T00:00:00Z' })).toEqual([
        ['2025-03-01', 1, null],
      ]);
      expect(await scores.timeSeries(id, { evaluatorName: 'other' }, 'day')).toEqual([]);
      await expectKaizenError(
        scores.timeSeries(id, { evaluatorName: 'support', from: 'soon' }, 'day'),
        'invalid_input',
      );
    });

    it('counts each criterion outcome over a view, and the pass rate without errors and skips', async () => {
      const { id } = await projectWithEvaluator(2);
      const { scores } = context.store;
      const prod = await storeTrace(context.store, id, { environment: 'production' });
      const prod2 = await storeTrace(context.store, id, { environment: 'production' });
      const staging = await storeTrace(context.store, id, { environment: 'staging' });
      await scores.write(id, scoreInput({ traceId: prod, results: results({ json: 'passed', polite: 'failed' }) }));
      await scores.write(id, scoreInput({ traceId: prod2, results: results({ json: 'failed', polite: 'errored' }) }));
      await scores.write(
        id,
        scoreInput({ traceId: prod2, evaluatorVersion: 2, results: results({ json: 'passed', polite: 'skipped' }) }),
      );
      await scores.write(id, scoreInput({ traceId: staging, results: results({ json: 'failed', polite: 'failed' }) }));

      expect(await scores.criterionPassRates(id, { evaluatorName: 'support', environment: 'production' })).toEqual([
        { criterionId: 'json', passed: 2, failed: 0, errored: 0, skipped: 0, passRate: 1 },
        { criterionId: 'polite', passed: 0, failed: 1, errored: 0, skipped: 1, passRate: 0 },
      ]);
      expect(
        await scores.criterionPassRates(id, {
          evaluatorName: 'support',
          evaluatorVersion: 1,
          environment: 'production',
        }),
      ).toEqual([
        { criterionId: 'json', passed: 1, failed: 1, errored: 0, skipped: 0, passRate: 0.5 },
        { criterionId: 'polite', passed: 0, failed: 1, errored: 1, skipped: 0, passRate: 0 },
      ]);
    });

    it('finds recent traces of a view that an evaluator has not scored yet, newest first', async () => {
      const { id } = await projectWithEvaluator();
      const { scores } = context.store;
      const old = await storeTrace(context.store, id, { startTime: '2025-02-01T00:00:00.000Z' });
      const scored = await storeTrace(context.store, id, { startTime: '2025-03-01T10:00:00.000Z' });
      const a = await storeTrace(context.store, id, { startTime: '2025-03-01T11:00:00.000Z' });
      const b = await storeTrace(context.store, id, { startTime: '2025-03-01T12:00:00.000Z', promptName: 'p' });
      const staging = await storeTrace(context.store, id, {
        startTime: '2025-03-01T13:00:00.000Z',
        environment: 'staging',
      });
      await scores.write(id, scoreInput({ traceId: scored }));
      const query = {
        evaluatorName: 'support',
        environment: null,
        promptName: null,
        promptVersion: null,
        since: '2025-03-01T00:00:00.000Z',
        limit: 100,
      };
      expect(await scores.unscoredTraces(id, query)).toEqual([staging, b, a]);
      expect(await scores.unscoredTraces(id, { ...query, environment: 'production' })).toEqual([b, a]);
      expect(await scores.unscoredTraces(id, { ...query, promptName: 'p' })).toEqual([b]);
      expect(await scores.unscoredTraces(id, { ...query, limit: 1 })).toEqual([staging]);
      expect(await scores.unscoredTraces(id, { ...query, evaluatorName: 'other' })).toContain(scored);
      expect(await scores.unscoredTraces(id, query)).not.toContain(old);
    });
  });
}
