// Contract: datasets from a trace view — trace filters, score/label filters, recent/random/stratified sampling, and
// each trace's prompt input (recorded variables, else messages; traces with neither are skipped).
import type { Span } from '@kaizen/core';
import { describe, expect, it } from 'vitest';
import { collectTraceItems, type TraceScoreReader } from '../../src/datasets/collect-trace-items.js';
import type { LatestTraceScore } from '../../src/evaluation/score-store.js';
import { expectKaizenError } from './expect-kaizen-error.js';
import { isoAt, makeSpan, makeStepSpan, newTraceId } from './span-fixtures.js';
import type { StoreContext } from './store-context.js';

const BASE = '2025-03-01T12:00:00.000Z';

type Recorded = 'variables' | 'messages' | 'nothing';

/** One trace of the `extractor` prompt: a prompt span (with its variables, or not) around a model call. */
function promptTrace(index: number, recorded: Recorded, environment = 'production', promptName = 'extractor'): Span[] {
  const traceId = newTraceId();
  const startTime = isoAt(BASE, index * 1000);
  const root = makeStepSpan({
    traceId,
    name: promptName,
    startTime,
    promptName,
    promptVersion: '1',
    environment,
    attributes:
      recorded === 'variables' ? { 'kaizen.prompt.variables': JSON.stringify({ html: `<p>${index}</p>` }) } : {},
  });
  const call = makeSpan({
    traceId,
    parentSpanId: root.spanId,
    startTime: isoAt(startTime, 1),
    environment,
    input: recorded === 'nothing' ? null : [{ role: 'user', content: `page ${index}` }],
  });
  return [root, call];
}

function fakeScores(scores: ReadonlyMap<string, LatestTraceScore>): TraceScoreReader & { calls: number } {
  const reader = {
    calls: 0,
    async latestForTraces(_projectId: string, traceIds: readonly string[]) {
      reader.calls++;
      return new Map(traceIds.flatMap((traceId) => (scores.has(traceId) ? [[traceId, scores.get(traceId)]] : [])));
    },
  };
  return reader as TraceScoreReader & { calls: number };
}

const score = (label: string, failedCriteria: string[]): LatestTraceScore => ({
  evaluatorName: 'extractor',
  evaluatorVersion: 1,
  score: failedCriteria.length === 0 ? 1 : 0.5,
  passed: failedCriteria.length === 0,
  label,
  failedCriteria,
});

export function describeDatasetTracesContract(context: StoreContext): void {
  describe('datasets from a trace view', () => {
    async function seed() {
      const { id } = await context.project();
      // Index = age order: a higher index starts later, so it is newer.
      const kinds: Recorded[] = [
        'variables',
        'messages',
        'nothing',
        'variables',
        'variables',
        'variables',
        'variables',
      ];
      const traces = kinds.map((kind, index) => promptTrace(index, kind));
      const staging = promptTrace(20, 'variables', 'staging');
      const otherPrompt = promptTrace(21, 'variables', 'production', 'summariser');
      await context.store.insertSpans(id, [...traces.flat(), ...staging, ...otherPrompt]);
      const ids = traces.map((spans) => spans[0]?.traceId ?? '');
      return { id, ids, staging: staging[0]?.traceId };
    }

    it('takes the newest traces of the view, variables else messages, skipping traces with no input', async () => {
      const { id, ids } = await seed();
      const store = context.store;
      const view = { environment: 'production', promptName: 'extractor' };
      const recent = await collectTraceItems(store, id, view, { strategy: 'recent', size: 7, seed: 0 });
      expect(recent.matched).toBe(7);
      expect(recent.skipped).toBe(1);
      expect(recent.items.map((item) => item.itemId)).toEqual([ids[6], ids[5], ids[4], ids[3], ids[1], ids[0]]);
      const newest = recent.items[0];
      expect(newest).toMatchObject({
        input: { html: '<p>6</p>' },
        sourceTraceId: ids[6],
        metadata: { environment: 'production', promptName: 'extractor', promptVersion: '1', status: 'ok' },
      });
      expect('expected' in (newest ?? {})).toBe(false);
      expect(recent.items[4]?.input).toEqual([{ role: 'user', content: 'page 1' }]);

      const two = await collectTraceItems(store, id, view, { strategy: 'recent', size: 2, seed: 0 });
      expect(two.items.map((item) => item.itemId)).toEqual([ids[6], ids[5]]);
      const older = await collectTraceItems(
        store,
        id,
        { ...view, to: isoAt(BASE, 3500) },
        { strategy: 'recent', size: 10, seed: 0 },
      );
      expect(older.items.map((item) => item.itemId)).toEqual([ids[3], ids[1], ids[0]]);
    });

    it('draws a seeded random sample: the same seed gives the same items', async () => {
      const { id, ids } = await seed();
      const view = { environment: 'production', promptName: 'extractor' };
      const draw = (seed: number) => collectTraceItems(context.store, id, view, { strategy: 'random', size: 3, seed });
      const first = (await draw(11)).items.map((item) => item.itemId);
      expect((await draw(11)).items.map((item) => item.itemId)).toEqual(first);
      expect(first).toHaveLength(3);
      for (const traceId of first) expect(ids).toContain(traceId);
      const orders = new Set<string>();
      for (const seed of [1, 2, 3, 4, 5, 6]) orders.add((await draw(seed)).items.map((item) => item.itemId).join());
      expect(orders.size).toBeGreaterThan(1);
    });

    it('filters by label, verdict and failed criterion, and stratifies by label or failed criterion', async () => {
      const { id, ids } = await seed();
      const scores = new Map<string, LatestTraceScore>([
        [ids[0] ?? '', score('fail', ['json'])],
        [ids[1] ?? '', score('fail', ['type', 'json'])],
        [ids[3] ?? '', score('pass', [])],
        [ids[4] ?? '', score('fail', ['type'])],
        [ids[5] ?? '', score('pass', [])],
        // ids[6] has no score.
      ]);
      const reader = { ...context.store, scores: fakeScores(scores) };
      const listTraces = context.store.listTraces.bind(context.store);
      const getTraceSpans = context.store.getTraceSpans.bind(context.store);
      const withScores = { listTraces, getTraceSpans, scores: reader.scores };
      const view = { environment: 'production', promptName: 'extractor' };
      const recent = { strategy: 'recent', size: 10, seed: 0 } as const;
      const idsOf = (result: { items: readonly { itemId: string }[] }) => result.items.map((item) => item.itemId);

      expect(idsOf(await collectTraceItems(withScores, id, { ...view, label: 'fail' }, recent))).toEqual([
        ids[4],
        ids[1],
        ids[0],
      ]);
      expect(idsOf(await collectTraceItems(withScores, id, { ...view, passed: true }, recent))).toEqual([
        ids[5],
        ids[3],
      ]);
      expect(idsOf(await collectTraceItems(withScores, id, { ...view, failedCriterion: 'json' }, recent))).toEqual([
        ids[1],
        ids[0],
      ]);
      const labelled = await collectTraceItems(withScores, id, { ...view, label: 'fail' }, recent);
      expect(labelled.items[0]?.metadata).toMatchObject({ label: 'fail', failedCriteria: ['type'], passed: false });

      // Round-robin over strata: with 3 items, each label stratum (fail, pass, unscored) gives one.
      const byLabel = await collectTraceItems(withScores, id, view, { strategy: 'stratified-label', size: 3, seed: 4 });
      const labels = byLabel.items.map((item) => (item.metadata?.label as string | undefined) ?? 'unscored').sort();
      expect(labels).toEqual(['fail', 'pass', 'unscored']);
      // Each failed criterion is represented before any stratum gives a second item.
      const byCriterion = await collectTraceItems(withScores, id, view, {
        strategy: 'stratified-criterion',
        size: 4,
        seed: 9,
      });
      const failed = new Set(byCriterion.items.flatMap((item) => (item.metadata?.failedCriteria as string[]) ?? []));
      expect(failed).toEqual(new Set(['json', 'type']));
      expect(byCriterion.items.some((item) => item.metadata?.passed === true)).toBe(true);
      const again = await collectTraceItems(withScores, id, view, {
        strategy: 'stratified-criterion',
        size: 4,
        seed: 9,
      });
      expect(idsOf(again)).toEqual(idsOf(byCriterion));
    });

    it('refuses score filters without stored scores, and sizes below 1', async () => {
      const { id } = await context.project();
      const plain = {
        listTraces: context.store.listTraces.bind(context.store),
        getTraceSpans: context.store.getTraceSpans.bind(context.store),
      };
      const view = { promptName: 'extractor' };
      await expectKaizenError(
        collectTraceItems(plain, id, { ...view, label: 'fail' }, { strategy: 'recent', size: 1, seed: 0 }),
        'invalid_input',
        /scores/,
      );
      await expectKaizenError(
        collectTraceItems(plain, id, view, { strategy: 'recent', size: 0, seed: 0 }),
        'invalid_input',
      );
      expect((await collectTraceItems(plain, id, view, { strategy: 'random', size: 5, seed: 0 })).items).toEqual([]);
    });
  });
}
