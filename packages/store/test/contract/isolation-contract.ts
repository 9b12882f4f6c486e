// Contract: nothing crosses projects, even when trace and span ids collide.
import { describe, expect, it } from 'vitest';
import { generateApiKey } from '../../src/api-keys.js';
import { makeSpan } from './span-fixtures.js';
import type { StoreContext } from './store-context.js';

export function describeIsolationContract(context: StoreContext): void {
  describe('project isolation', () => {
    it('keeps traces, spans and keys of one project out of another', async () => {
      const a = await context.project();
      const b = await context.project();
      const shared = makeSpan({ name: 'in A', model: 'model-a', environment: 'env-a' });
      const onlyA = makeSpan({ promptName: 'prompt-a' });
      // The same ids in B are a different span, not a duplicate.
      const sameIdsInB = { ...shared, name: 'in B', model: 'model-b', inputTokens: 1 };
      expect(await context.store.insertSpans(a.id, [shared, onlyA])).toEqual({ inserted: 2, duplicates: 0 });
      expect(await context.store.insertSpans(b.id, [sameIdsInB])).toEqual({ inserted: 1, duplicates: 0 });

      expect(await context.store.getTraceSpans(b.id, onlyA.traceId)).toEqual([]);
      expect(await context.store.getTraceSpans(b.id, shared.traceId)).toStrictEqual([sameIdsInB]);
      expect(await context.store.getTraceSpans(a.id, shared.traceId)).toStrictEqual([shared]);
      const bTraces = await context.store.listTraces(b.id, {});
      expect(bTraces.items.map((item) => [item.traceId, item.rootName, item.inputTokens])).toEqual([
        [shared.traceId, 'in B', 1],
      ]);
      for (const query of [
        { model: 'model-a' },
        { environment: 'env-a' },
        { promptName: 'prompt-a' },
        { q: 'France' },
      ]) {
        expect((await context.store.listTraces(b.id, query)).items.map((item) => item.rootName)).not.toContain('in A');
      }
      expect((await context.store.listTraces(b.id, { q: 'France' })).items).toHaveLength(1);

      const keyA = generateApiKey();
      await context.store.createApiKey(a.id, keyA.hash, keyA.prefix);
      expect((await context.store.findProjectByKeyHash(keyA.hash))?.id).toBe(a.id);
    });
  });
}
