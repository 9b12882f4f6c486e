// Contract: dataset files — JSONL and CSV imports through a stored version, and exports that import back unchanged.
import { describe, expect, it } from 'vitest';
import { formatDatasetItems, parseDatasetFile } from '../../src/datasets/dataset-files.js';
import { expectKaizenError } from './expect-kaizen-error.js';
import type { StoreContext } from './store-context.js';

const JSONL = [
  JSON.stringify({
    id: 'recipe-1',
    input: { html: '<h1>Lentil curry</h1>\n<p>Prep: 20 min, "easy"</p>' },
    expected: { '@type': 'Recipe', prepTime: 'PT20M' },
    metadata: { group: 'recipe', coverage: 0.8 },
  }),
  '',
  // A flat record: every key but the reserved ones is a variable.
  JSON.stringify({ id: 7, html: '<h1>Trail Runner</h1>', locale: 'en', expected: null, split: 'train' }),
  JSON.stringify({ input: [{ role: 'user', content: 'Hi, ünïcödé' }] }),
].join('\n');

const CSV =
  '\uFEFFid,html,locale,expected.@type,expected.offers.price,metadata.group\r\n' +
  'p1,"<h1>Shoe, red</h1>\n<p>Price: ""$129""</p>",en,Product,129,product\r\n' +
  'p2,<h1>News</h1>,de,NewsArticle,,article\r\n' +
  'p3,<h1>Nothing</h1>,fr,,,\r\n';

const source = { kind: 'import', format: 'jsonl' } as const;

export function describeDatasetFilesContract(context: StoreContext): void {
  describe('dataset files', () => {
    it('imports JSONL (with and without an input key, generated ids) and exports it back exactly', async () => {
      const { id } = await context.project();
      const datasets = context.store.datasets;
      const parsed = parseDatasetFile(JSONL, 'jsonl');
      expect(parsed.map((item) => item.itemId)).toEqual([
        'recipe-1',
        '7',
        expect.stringMatching(/^item-[0-9a-f]{16}$/),
      ]);
      expect(parsed[1]).toMatchObject({ input: { html: '<h1>Trail Runner</h1>', locale: 'en' }, expected: null });
      // A generated id depends only on the content, so re-importing the file gives the same ids and splits.
      expect(parseDatasetFile(JSONL, 'jsonl')[2]?.itemId).toBe(parsed[2]?.itemId);

      await datasets.createVersion(id, 'd', { items: parsed, source });
      const stored = (await datasets.listItems(id, 'd', 1)).items;
      expect(stored[1]?.split).toBe('train');
      const exported = formatDatasetItems(stored, 'jsonl');
      await datasets.createVersion(id, 'd', { items: parseDatasetFile(exported, 'jsonl'), source });
      expect((await datasets.listItems(id, 'd', 2)).items).toEqual(stored);
      expect(formatDatasetItems((await datasets.listItems(id, 'd', 2)).items, 'jsonl')).toBe(exported);

      const json = formatDatasetItems(stored, 'json');
      expect(parseDatasetFile(json, 'json')).toEqual(parseDatasetFile(exported, 'jsonl'));
    });

    it('imports CSV (variables, expected.* and metadata.* columns, quoted fields) and exports it back', async () => {
      const { id } = await context.project();
      const datasets = context.store.datasets;
      const parsed = parseDatasetFile(CSV, 'csv');
      expect(parsed).toEqual([
        {
          itemId: 'p1',
          input: { html: '<h1>Shoe, red</h1>\n<p>Price: "$129"</p>', locale: 'en' },
          expected: { '@type': 'Product', offers: { price: '129' } },
          metadata: { group: 'product' },
          sourceTraceId: null,
        },
        {
          itemId: 'p2',
          input: { html: '<h1>News</h1>', locale: 'de' },
          expected: { '@type': 'NewsArticle' },
          metadata: { group: 'article' },
          sourceTraceId: null,
        },
        { itemId: 'p3', input: { html: '<h1>Nothing</h1>', locale: 'fr' }, metadata: {}, sourceTraceId: null },
      ]);
      await datasets.createVersion(id, 'd', { items: parsed, source: { kind: 'import', format: 'csv' } });
      const stored = (await datasets.listItems(id, 'd', 1)).items;
      const exported = formatDatasetItems(stored, 'csv');
      expect(exported.split('\r\n')[0]).toBe('id,split,html,locale,expected,metadata.group');
      await datasets.createVersion(id, 'd', {
        items: parseDatasetFile(exported, 'csv'),
        source: { kind: 'import', format: 'csv' },
      });
      expect((await datasets.listItems(id, 'd', 2)).items).toEqual(stored);
    });

    it('names the line or row of a malformed file', async () => {
      expect(() => parseDatasetFile('{"id":"a","input":{}}\n{nope\n', 'jsonl')).toThrow(/line 2/);
      expect(() => parseDatasetFile('{"id":"a","input":"text"}\n', 'jsonl')).toThrow(/line 1: input must be/);
      expect(() => parseDatasetFile('id,html\na,"unclosed\n', 'csv')).toThrow(/not closed/);
      expect(() => parseDatasetFile('id,html\na,b,c\n', 'csv')).toThrow(/row 2: 3 fields/);
      expect(() => parseDatasetFile('id,expected,expected.a\n', 'csv')).toThrow(/either/);
      expect(() => parseDatasetFile('[1]', 'json')).toThrow(/item 1/);
      // The store still checks what the parser lets through: duplicate ids across a file.
      const { id } = await context.project();
      await expectKaizenError(
        context.store.datasets.createVersion(id, 'd', {
          items: parseDatasetFile('id,x\na,1\na,2\n', 'csv'),
          source: { kind: 'import', format: 'csv' },
        }),
        'invalid_input',
        /more than once/,
      );
    });
  });
}
