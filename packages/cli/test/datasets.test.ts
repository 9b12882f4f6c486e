// `kaizen datasets` end to end: versions from production traces (recorded by the SDK) and from JSONL/CSV files;
// list, show, export back to files that import unchanged; errors with exit code 2.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { init, prompt } from '@kaizen/sdk';
import { type RunningServer, startServer } from '@kaizen/server';
import { openStore, type Store } from '@kaizen/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCli as run } from './support/run-cli.js';

const PAGES = [
  '<html><head><title>Trail Runner 2</title></head><body><h1>Trail Runner 2</h1><p>Price: $129.00</p></body></html>',
  '<html><head><title>Lentil curry</title></head><body><h1>Lentil curry</h1><p>Prep time: 20 minutes</p></body></html>',
  '<html><head><title>City news</title></head><body><h1>Bridge reopens</h1><p>By Ana Lima</p></body></html>',
  '<html><body><h1>Opening hours</h1><p>Mon–Fri 9–17</p></body></html>',
];

const CSV =
  'id,html,expected.@type,metadata.source\n' +
  'shoe,"<h1>Shoe, red</h1>",Product,shop\n' +
  'soup,<h1>Soup</h1>,Recipe,blog\n' +
  'news,<h1>News</h1>,NewsArticle,paper\n';

describe('kaizen datasets', () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let env: NodeJS.ProcessEnv;
  const traceIds: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kaizen-cli-datasets-'));
    const key = (await run(['keys', 'create', '--project', 'p', '--data', dir], {})).stdout.trim();
    store = await openStore({ dataDir: dir });
    server = await startServer({ store, port: 0, logger: () => undefined });
    env = { KAIZEN_URL: server.url, KAIZEN_API_KEY: key };
    // Production traffic, as an app instrumented with the SDK records it (variables on the prompt span).
    const client = init({ url: server.url, apiKey: key, environment: 'production' });
    const extractor = prompt('extractor', {
      template: [
        { role: 'system', content: 'Extract schema.org data from the page.' },
        { role: 'user', content: '{{html}}' },
      ],
      variables: z.object({ html: z.string() }),
      model: 'sim:schemaorg',
    });
    await extractor.push(client);
    for (const html of PAGES) traceIds.push((await extractor.generate(client, { html })).traceId);
    await client.shutdown();
  });

  afterAll(async () => {
    await server?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a version from production traces with the recorded variables as inputs', async () => {
    const created = await run(
      [
        'datasets',
        'create',
        'production-pages',
        '--environment',
        'production',
        '--prompt',
        'extractor',
        '--sample',
        'recent',
        '--size',
        '3',
        '--seed',
        '5',
        '--splits',
        '0.5,0.5,0',
        '--json',
      ],
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    const version = JSON.parse(created.stdout) as { itemCount: number; splits: object; source: object };
    expect(version).toMatchObject({
      itemCount: 3,
      splits: { seed: 5, train: 0.5, validation: 0.5, holdout: 0 },
      source: { kind: 'traces', matched: 4, sample: { strategy: 'recent', size: 3, seed: 5 } },
    });
    const shown = await run(['datasets', 'show', 'production-pages', '--json'], env);
    const items = (JSON.parse(shown.stdout) as { items: { itemId: string; input: unknown; sourceTraceId: string }[] })
      .items;
    expect(items.map((item) => item.sourceTraceId)).toEqual([traceIds[3], traceIds[2], traceIds[1]]);
    expect(items[0]?.input).toEqual({ html: PAGES[3] });

    const table = await run(['datasets', 'show', 'production-pages'], env);
    expect(table.stdout).toContain('production-pages v1: 3 items');
    expect(table.stdout).toContain('source: traces (promptName=extractor environment=production)');
    expect(table.stdout).toMatch(/ITEM\s+SPLIT\s+INPUT\s+EXPECTED\s+SOURCE TRACE/);
  });

  it('imports CSV and JSONL files, lists them, and exports files that import back unchanged', async () => {
    writeFileSync(join(dir, 'pages.csv'), CSV);
    const imported = await run(
      ['datasets', 'import', 'catalogue', '--file', join(dir, 'pages.csv'), '--seed', '3'],
      env,
    );
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Created catalogue v1: 3 items');
    expect(imported.stdout).toContain('imported from csv file pages.csv');

    const list = await run(['datasets', 'list'], env);
    expect(list.stdout).toMatch(/NAME\s+LATEST\s+ITEMS\s+VERSIONS\s+UPDATED/);
    expect(list.stdout).toMatch(/catalogue\s+v1\s+3\s+1/);
    const listed = JSON.parse((await run(['datasets', 'list', '--json'], env)).stdout) as { items: { name: string }[] };
    expect(listed.items.map((item) => item.name)).toEqual(['catalogue', 'production-pages']);

    const exported = await run(['datasets', 'export', 'catalogue', '--output', join(dir, 'catalogue.jsonl')], env);
    expect(exported.code, exported.stderr).toBe(0);
    const again = await run(['datasets', 'import', 'catalogue', '--file', join(dir, 'catalogue.jsonl'), '--json'], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ version: 2, itemCount: 3 });
    const itemsOf = async (version: string) =>
      (
        JSON.parse((await run(['datasets', 'show', 'catalogue', '--version', version, '--json'], env)).stdout) as {
          items: unknown[];
        }
      ).items;
    expect(await itemsOf('2')).toEqual(await itemsOf('1'));
    expect((await itemsOf('1'))[0]).toMatchObject({
      itemId: 'shoe',
      input: { html: '<h1>Shoe, red</h1>' },
      expected: { '@type': 'Product' },
      metadata: { source: 'shop' },
    });

    const csv = await run(['datasets', 'export', 'catalogue', '--version', '1', '--format', 'csv'], env);
    expect(csv.stdout.split('\r\n')[0]).toBe('id,split,html,expected,metadata.source');
    const json = await run(['datasets', 'export', 'catalogue', '--json'], env);
    expect((JSON.parse(json.stdout) as unknown[]).length).toBe(3);
    const file = readFileSync(join(dir, 'catalogue.jsonl'), 'utf8').trim().split('\n');
    expect(file).toHaveLength(3);
  });

  it('exits 2 with a message for bad flags, files and names', async () => {
    const cases: [string[], RegExp][] = [
      [['datasets', 'import', 'x', '--file', join(dir, 'missing.jsonl')], /cannot read/],
      [['datasets', 'import', 'x', '--file', join(dir, 'pages.txt')], /--format/],
      [['datasets', 'import', 'x', '--file', join(dir, 'pages.csv'), '--splits', '0.5,0.6,0'], /--splits/],
      [['datasets', 'create', 'x', '--prompt', 'extractor', '--sample', 'all'], /--sample/],
      [['datasets', 'create', 'x', '--prompt', 'extractor', '--passed', 'maybe'], /--passed/],
      [['datasets', 'create', 'x', '--prompt', 'nothing-here'], /no trace matches/],
      [['datasets', 'show', 'nope'], /not found/],
      [['datasets', 'show', 'catalogue', '--split', 'test'], /--split/],
      [['datasets', 'export', 'catalogue', '--format', 'xml'], /--format/],
    ];
    for (const [argv, message] of cases) {
      const result = await run(argv, env);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });
});
