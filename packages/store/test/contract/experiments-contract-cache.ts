// Contract: the response cache — lookups by key, upserts, any JSON value, key validation, isolation.
import { describe, expect, it } from 'vitest';
import { expectKaizenError } from './expect-kaizen-error.js';
import type { StoreContext } from './store-context.js';

const key = (n: number) => n.toString(16).padStart(64, '0');

export function describeCacheContract(context: StoreContext): void {
  describe('response cache', () => {
    it('answers stored entries by key, replaces on put, and keeps values exactly', async () => {
      const { id } = await context.project();
      const cache = context.store.responseCache;
      expect(await cache.lookup(id, [key(1), key(2)])).toEqual(new Map());
      const answer = {
        text: '{"@type":"Recipe"} — ünïcödé',
        usage: { inputTokens: 10, outputTokens: null },
        cost: null,
      };
      expect(await cache.put(id, [{ key: key(1), value: answer }])).toEqual({ stored: 1 });
      expect(await cache.lookup(id, [key(1), key(2), key(1)])).toEqual(new Map([[key(1), answer]]));
      await cache.put(id, [
        { key: key(1), value: { text: 'newer' } },
        { key: key(2), value: 'plain string' },
        { key: key(2), value: 'last wins' },
      ]);
      expect(await cache.lookup(id, [key(1), key(2)])).toEqual(
        new Map<string, unknown>([
          [key(1), { text: 'newer' }],
          [key(2), 'last wins'],
        ]),
      );
      expect(await cache.lookup(id, [])).toEqual(new Map());
    });

    it('handles batches larger than one statement', async () => {
      const { id } = await context.project();
      const cache = context.store.responseCache;
      const entries = Array.from({ length: 450 }, (_, n) => ({ key: key(n), value: { n } }));
      await cache.put(id, entries);
      const found = await cache.lookup(
        id,
        entries.map((entry) => entry.key),
      );
      expect(found.size).toBe(450);
      expect(found.get(key(449))).toEqual({ n: 449 });
    });

    it('refuses malformed keys and keeps projects apart', async () => {
      const one = await context.project();
      const two = await context.project();
      const cache = context.store.responseCache;
      await expectKaizenError(cache.put(one.id, [{ key: 'ABC', value: 1 }]), 'invalid_input');
      await expectKaizenError(cache.lookup(one.id, [key(1).toUpperCase().replace('0', 'G')]), 'invalid_input');
      await cache.put(one.id, [{ key: key(7), value: 'one' }]);
      expect(await cache.lookup(two.id, [key(7)])).toEqual(new Map());
    });
  });
}
