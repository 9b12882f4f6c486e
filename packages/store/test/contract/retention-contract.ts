// Contract: retention deletes whole traces that started before the cutoff — summary, every span, scores — and
// nothing newer; partitions (Postgres) are an implementation detail behind the same counts.
import { describe, expect, it } from 'vitest';
import { checklist, scoreInput } from './evaluation-contract-fixtures.js';
import { expectKaizenError } from './expect-kaizen-error.js';
import { isoAt, makeSpan } from './span-fixtures.js';
import type { StoreContext } from './store-context.js';

const CUTOFF = '2025-03-10T00:00:00.000Z';
const DAY_MS = 86_400_000;

/** Midnight UTC, `days` days from today's. */
const midnight = (days: number): Date => new Date((Math.floor(Date.now() / DAY_MS) + days) * DAY_MS);

export function describeRetentionContract(context: StoreContext): void {
  describe('retention', () => {
    it('deletes the traces that started before the cutoff with all their spans and scores', async () => {
      const { store } = context;
      const project = await context.project();
      const other = await context.project();
      await store.evaluators.createVersion(project.id, 'support', { definition: checklist() });
      const old = makeSpan({ startTime: '2025-03-01T12:00:00.000Z' });
      const oldChild = makeSpan({ traceId: old.traceId, parentSpanId: old.spanId, startTime: isoAt(old.startTime, 5) });
      // Starts a second before the cutoff, its child a second after: the whole trace goes, never half of it.
      const straddling = makeSpan({ startTime: isoAt(CUTOFF, -1000), durationMs: 3000 });
      const lateChild = makeSpan({
        traceId: straddling.traceId,
        parentSpanId: straddling.spanId,
        startTime: isoAt(CUTOFF, 1000),
      });
      const atCutoff = makeSpan({ startTime: CUTOFF });
      const recent = makeSpan({ startTime: new Date().toISOString() });
      await store.insertSpans(project.id, [old, oldChild, straddling, lateChild, atCutoff, recent]);
      const otherOld = makeSpan({ startTime: '2025-03-02T00:00:00.000Z' });
      await store.insertSpans(other.id, [otherOld]);
      await store.scores.write(project.id, scoreInput({ traceId: old.traceId }));
      await store.scores.write(project.id, scoreInput({ traceId: atCutoff.traceId }));

      const result = await store.retention.deleteTracesBefore(new Date(CUTOFF));

      expect(result).toMatchObject({ deletedTraces: 3, deletedSpans: 5, deletedScores: 1 });
      const kept = (await store.listTraces(project.id, {})).items.map((trace) => trace.traceId);
      expect(kept).toEqual([recent.traceId, atCutoff.traceId]);
      expect(await store.getTraceSpans(project.id, old.traceId)).toEqual([]);
      expect(await store.getTraceSpans(project.id, straddling.traceId)).toEqual([]);
      expect(await store.getTraceSpans(project.id, atCutoff.traceId)).toStrictEqual([atCutoff]);
      expect((await store.listTraces(other.id, {})).items).toEqual([]);
      expect(await store.scores.listForTrace(project.id, old.traceId)).toEqual([]);
      expect(await store.scores.listForTrace(project.id, atCutoff.traceId)).toHaveLength(1);
      // Nothing left to delete; the deleted spans could be sent again and stored as new.
      expect(await store.retention.deleteTracesBefore(new Date(CUTOFF))).toEqual({
        droppedPartitions: 0,
        deletedSpans: 0,
        deletedTraces: 0,
        deletedScores: 0,
      });
      expect(await store.insertSpans(project.id, [old])).toEqual({ inserted: 1, duplicates: 0 });
    });

    it('deletes recent days whole at a midnight cutoff and keeps today', async () => {
      const { store } = context;
      const project = await context.project();
      const twoDaysAgo = makeSpan({ startTime: isoAt(midnight(-2).toISOString(), 3_600_000) });
      const yesterday = makeSpan({ startTime: isoAt(midnight(-1).toISOString(), 60_000) });
      const today = makeSpan({ startTime: midnight(0).toISOString() });
      await store.insertSpans(project.id, [twoDaysAgo, yesterday, today]);
      // Re-sent into the same day: still a duplicate, whichever partition holds it.
      expect(await store.insertSpans(project.id, [yesterday, today])).toEqual({ inserted: 0, duplicates: 2 });

      const result = await store.retention.deleteTracesBefore(midnight(0));

      expect(result).toMatchObject({ deletedTraces: 2, deletedSpans: 2, deletedScores: 0 });
      const kept = (await store.listTraces(project.id, {})).items.map((trace) => trace.traceId);
      expect(kept).toEqual([today.traceId]);
      expect(await store.getTraceSpans(project.id, today.traceId)).toStrictEqual([today]);
    });

    it('prepares partitions without failing, again and again', async () => {
      const prepared = await context.store.retention.preparePartitions();
      expect(prepared).toBeGreaterThanOrEqual(0);
      expect(await context.store.retention.preparePartitions()).toBe(0);
    });

    it('rejects an invalid cutoff', async () => {
      await expectKaizenError(context.store.retention.deleteTracesBefore(new Date(Number.NaN)), 'invalid_input');
    });
  });
}
