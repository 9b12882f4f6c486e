// Unit tests: the ingest hook reports committed batches only, and a failing listener never fails the insert.
import type { Store } from '@kaizen/store';
import { encodeSpans } from '@kaizen/store';
import { makeSpan } from '@kaizen/store/testing';
import { describe, expect, it } from 'vitest';
import { observeStoredSpans } from './observe-stored-spans.js';

function fakeStore(inserted: number): Store {
  const store = {
    dialect: 'sqlite',
    insertSpans: async () => ({ inserted, duplicates: 0 }),
    listTraces: async function (this: unknown) {
      return this === store ? { items: [], nextCursor: null } : Promise.reject(new Error('unbound'));
    },
  };
  return store as unknown as Store;
}

describe('observeStoredSpans', () => {
  const a = makeSpan();
  const b = makeSpan();
  const child = makeSpan({ traceId: a.traceId });

  it('names each touched trace once, for spans and encoded batches alike', async () => {
    const seen: [string, readonly string[]][] = [];
    const store = observeStoredSpans(
      fakeStore(3),
      (project, ids) => seen.push([project, ids]),
      () => undefined,
    );
    await store.insertSpans('p', [a, child, b]);
    await store.insertSpans('p', encodeSpans([a, child, b]));
    expect(seen).toEqual([
      ['p', [a.traceId, b.traceId]],
      ['p', [a.traceId, b.traceId]],
    ]);
    // Everything else is the store's own, bound to it.
    expect(await store.listTraces('p', {})).toEqual({ items: [], nextCursor: null });
    expect(store.dialect).toBe('sqlite');
  });

  it('says nothing for a pure retry, and a throwing listener does not fail the insert', async () => {
    const seen: string[] = [];
    const retry = observeStoredSpans(
      fakeStore(0),
      (project) => seen.push(project),
      () => undefined,
    );
    expect(await retry.insertSpans('p', [a])).toEqual({ inserted: 0, duplicates: 0 });
    expect(seen).toEqual([]);
    const errors: unknown[] = [];
    const failing = observeStoredSpans(
      fakeStore(1),
      () => {
        throw new Error('listener broke');
      },
      (error) => errors.push(error),
    );
    expect(await failing.insertSpans('p', [a])).toEqual({ inserted: 1, duplicates: 0 });
    expect(String(errors[0])).toContain('listener broke');
  });
});
