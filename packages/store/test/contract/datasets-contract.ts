// Contract: datasets — immutable numbered versions, exact item round trip, seeded splits, paging, validation, isolation.
import { describe, expect, it } from 'vitest';
import type { DatasetItemInput } from '../../src/datasets/dataset-types.js';
import { expectKaizenError } from './expect-kaizen-error.js';
import type { StoreContext } from './store-context.js';

const source = { kind: 'import', format: 'json' } as const;

/** Every shape an item can take: variables or messages, expected of any JSON type or none, unicode, a source. */
const VARIED_ITEMS: DatasetItemInput[] = [
  {
    itemId: 'vars',
    input: { html: '<h1>Trail Runner 2</h1> — ünïcödé 🏃', locale: 'de', nested: { a: [1, 2] } },
    expected: { '@type': 'Product', name: 'Trail Runner 2', offers: { price: 129 } },
    metadata: { source: 'fixture', tags: ['a', 'b'], weight: 0.5 },
    sourceTraceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  },
  {
    itemId: 'messages',
    input: [
      { role: 'system', content: 'Extract.' },
      { role: 'user', content: 'Page: <p>x</p>' },
    ],
  },
  { itemId: 'null-expected', input: { q: 'nothing' }, expected: null, metadata: {} },
  { itemId: 'string-expected', input: { q: 'text' }, expected: 'Paris', split: 'holdout' },
];

export function describeDatasetsContract(context: StoreContext): void {
  describe('datasets', () => {
    it('numbers versions from 1, keeps every item field exactly, and never changes a stored version', async () => {
      const { id } = await context.project();
      const datasets = context.store.datasets;
      const first = await datasets.createVersion(id, 'pages', { items: VARIED_ITEMS, source, message: 'first' });
      expect(first).toMatchObject({ name: 'pages', version: 1, itemCount: 4, message: 'first', source });
      expect(first.splits).toEqual({ seed: 0, train: 0.6, validation: 0.2, holdout: 0.2 });
      const items = (await datasets.listItems(id, 'pages', 1)).items;
      expect(items.map((item) => item.itemId)).toEqual(['vars', 'messages', 'null-expected', 'string-expected']);
      expect(items[0]).toMatchObject({
        input: VARIED_ITEMS[0]?.input,
        expected: VARIED_ITEMS[0]?.expected,
        metadata: VARIED_ITEMS[0]?.metadata,
        sourceTraceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      });
      expect(items[1]?.input).toEqual(VARIED_ITEMS[1]?.input);
      // No expected output and an expected output of null are different things.
      expect('expected' in (items[1] ?? {})).toBe(false);
      expect(items[1]?.metadata).toEqual({});
      expect(items[1]?.sourceTraceId).toBeNull();
      expect('expected' in (items[2] ?? {})).toBe(true);
      expect(items[2]?.expected).toBeNull();
      expect(items[3]).toMatchObject({ expected: 'Paris', split: 'holdout' });
      const counts = { train: 0, validation: 0, holdout: 0 };
      for (const item of items) counts[item.split]++;
      expect(first.splitCounts).toEqual(counts);

      const second = await datasets.createVersion(id, 'pages', {
        items: [{ itemId: 'other', input: { html: '<p>' } }],
        source,
      });
      expect(second.version).toBe(2);
      expect((await datasets.listItems(id, 'pages', 1)).items).toEqual(items);
      expect(await datasets.getVersion(id, 'pages', 1)).toEqual(first);
      expect(await datasets.getVersion(id, 'pages', 3)).toBeNull();
      expect((await datasets.getDataset(id, 'pages'))?.versions.map((version) => version.version)).toEqual([2, 1]);
      expect(await datasets.getDataset(id, 'none')).toBeNull();
      await datasets.createVersion(id, 'another', { items: [{ itemId: 'a', input: {} }], source });
      expect(await datasets.listDatasets(id)).toEqual([
        expect.objectContaining({ name: 'another', latestVersion: 1, itemCount: 1, versions: 1 }),
        expect.objectContaining({ name: 'pages', latestVersion: 2, itemCount: 1, versions: 2 }),
      ]);
    });

    it('assigns splits from the item id and the seed alone: same seed, same splits; fractions hold', async () => {
      const { id } = await context.project();
      const datasets = context.store.datasets;
      const items = Array.from({ length: 400 }, (_, index) => ({ itemId: `item-${index}`, input: { n: index } }));
      const splitsOf = async (version: number) =>
        new Map((await datasets.listItems(id, 'd', version, { limit: 1000 })).items.map((i) => [i.itemId, i.split]));

      const a = await datasets.createVersion(id, 'd', { items, source, splits: { seed: 7 } });
      const b = await datasets.createVersion(id, 'd', { items: [...items].reverse(), source, splits: { seed: 7 } });
      const subset = await datasets.createVersion(id, 'd', { items: items.slice(0, 50), source, splits: { seed: 7 } });
      const other = await datasets.createVersion(id, 'd', { items, source, splits: { seed: 8 } });
      const [splitsA, splitsB, splitsSubset, splitsOther] = await Promise.all(
        [a, b, subset, other].map((version) => splitsOf(version.version)),
      );
      expect(splitsB).toEqual(splitsA);
      for (const [itemId, split] of splitsSubset ?? []) expect(splitsA?.get(itemId)).toBe(split);
      const moved = [...(splitsA ?? [])].filter(([itemId, split]) => splitsOther?.get(itemId) !== split);
      expect(moved.length).toBeGreaterThan(100);
      expect(a.splitCounts.train + a.splitCounts.validation + a.splitCounts.holdout).toBe(400);
      expect(a.splitCounts.train / 400).toBeGreaterThan(0.5);
      expect(a.splitCounts.train / 400).toBeLessThan(0.7);
      expect(a.splitCounts.validation / 400).toBeGreaterThan(0.13);
      expect(a.splitCounts.holdout / 400).toBeGreaterThan(0.13);

      const allTrain = await datasets.createVersion(id, 'd', {
        items,
        source,
        splits: { seed: 7, train: 1, validation: 0, holdout: 0 },
      });
      expect(allTrain.splitCounts).toEqual({ train: 400, validation: 0, holdout: 0 });
    });

    it('pages items in order, filters by split, and refuses bad cursors and limits', async () => {
      const { id } = await context.project();
      const datasets = context.store.datasets;
      const items = Array.from({ length: 25 }, (_, index) => ({ itemId: `i${index}`, input: { n: index } }));
      await datasets.createVersion(id, 'd', { items, source, splits: { seed: 3 } });
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await datasets.listItems(id, 'd', 1, { limit: 7, ...(cursor ? { cursor } : {}) });
        expect(page.items.length).toBeLessThanOrEqual(7);
        seen.push(...page.items.map((item) => item.itemId));
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      expect(seen).toEqual(items.map((item) => item.itemId));

      const validation = await datasets.listItems(id, 'd', 1, { split: 'validation', limit: 1000 });
      expect(validation.items.length).toBeGreaterThan(0);
      expect(validation.items.every((item) => item.split === 'validation')).toBe(true);
      expect(validation.nextCursor).toBeNull();

      await expectKaizenError(datasets.listItems(id, 'd', 1, { cursor: 'nope' }), 'invalid_input');
      await expectKaizenError(datasets.listItems(id, 'd', 1, { limit: 0 }), 'invalid_input');
      await expectKaizenError(datasets.listItems(id, 'd', 2), 'not_found');
    });

    it('refuses empty versions, duplicate ids, bad inputs, names and fractions, and writes nothing', async () => {
      const { id } = await context.project();
      const datasets = context.store.datasets;
      const create = (items: unknown[], extra: object = {}, name = 'd') =>
        datasets.createVersion(id, name, { items: items as DatasetItemInput[], source, ...extra });
      await expectKaizenError(create([]), 'invalid_input', /at least one item/);
      await expectKaizenError(
        create([
          { itemId: 'a', input: {} },
          { itemId: 'a', input: {} },
        ]),
        'invalid_input',
        /more than once/,
      );
      await expectKaizenError(create([{ itemId: 'a', input: 'text' }]), 'invalid_input', /input must be/);
      await expectKaizenError(create([{ itemId: 'a', input: [{ role: 'user' }] }]), 'invalid_input');
      await expectKaizenError(create([{ itemId: '', input: {} }]), 'invalid_input');
      await expectKaizenError(create([{ itemId: 'a', input: {}, split: 'test' }]), 'invalid_input');
      await expectKaizenError(create([{ itemId: 'a', input: {} }], {}, 'bad name!'), 'invalid_input');
      await expectKaizenError(
        create([{ itemId: 'a', input: {} }], { splits: { train: 0.5, validation: 0.2, holdout: 0.2 } }),
        'invalid_input',
        /sum to 1/,
      );
      await expectKaizenError(create([{ itemId: 'a', input: {} }], { splits: { seed: 1.5 } }), 'invalid_input');
      expect(await datasets.listDatasets(id)).toEqual([]);
    });

    it('keeps the datasets of one project out of another', async () => {
      const one = await context.project();
      const two = await context.project();
      const datasets = context.store.datasets;
      await datasets.createVersion(one.id, 'shared-name', { items: [{ itemId: 'x', input: { a: 1 } }], source });
      expect(await datasets.listDatasets(two.id)).toEqual([]);
      expect(await datasets.getDataset(two.id, 'shared-name')).toBeNull();
      expect(await datasets.getVersion(two.id, 'shared-name', 1)).toBeNull();
      await expectKaizenError(datasets.listItems(two.id, 'shared-name', 1), 'not_found');
      const own = await datasets.createVersion(two.id, 'shared-name', { items: [{ itemId: 'y', input: {} }], source });
      expect(own.version).toBe(1);
    });
  });
}
