// `kaizen eval` end to end with the simulated model: a dataset imported from the schemaorg fixture pages, a weak and
// a strong prompt version evaluated with a checklist from kaizen.config.ts, compared with paired statistics, re-run
// from the response cache without model calls, and re-run with --no-cache.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKaizenApi } from '@kaizen/sdk';
import { type RunningServer, startServer } from '@kaizen/server';
import { openStore, type Store } from '@kaizen/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run } from './support/run-cli.js';

const FIXTURE = fileURLToPath(new URL('../../../fixtures/schemaorg/schemaorg.jsonl', import.meta.url));
const ITEMS = 40;

const WEAK = 'Give me the JSON-LD for this page.';
const STRONG = [
  'You convert web pages to schema.org JSON-LD.',
  'Respond with raw JSON only: no prose, no markdown fences.',
  'Use the most specific schema.org type for the main entity of the page.',
  'Include "@context": "https://schema.org".',
  'Use only information that is visible on the page; never invent values such as phone numbers or ratings.',
  'Fill every property the page supports.',
].join('\n');

const CONFIG = `import { defineConfig } from '@kaizen/sdk';
export default defineConfig({
  model: 'sim:schemaorg',
  evaluators: {
    extractor: {
      name: 'extractor',
      description: 'schema.org JSON-LD extraction',
      passThreshold: 1,
      criteria: [
        { id: 'json-only', description: 'The answer is raw JSON', weight: 2, check: { kind: 'json_valid' } },
        {
          id: 'context',
          description: 'Declares the schema.org context',
          weight: 1,
          check: { kind: 'field_equals', path: "$['@context']", expected: { value: 'https://schema.org' }, mode: 'extract' },
        },
        {
          id: 'main-type',
          description: 'Uses the page type',
          weight: 1,
          check: { kind: 'field_equals', path: "$['@type']", expected: { expectedPath: "$['@type']" }, mode: 'extract' },
        },
        {
          id: 'custom-has-name',
          description: 'Names the entity',
          weight: 1,
          check: { kind: 'custom', fn: (subject) => subject.output.includes('"name"') },
        },
      ],
    },
  },
});
`;

interface Comparison {
  criteria: {
    criterionId: string;
    comparison: { delta: number; pValue: number; percentChange: number | null; ci95: [number, number] } | null;
  }[];
  overall: { fixedItemIds: string[]; brokenItemIds: string[] };
  score: { delta: number } | null;
}

interface EvalJson {
  experiment: {
    id: string;
    simulated: boolean;
    promptVersion: number;
    summary: { items: number; modelCalls: number; cachedItems: number; errors: number; passRate: number | null };
    items: { itemId: string; cached: boolean; output: string | null }[];
  };
  comparison: { baseline: { id: string; promptVersion: number }; simulated: boolean; comparison: Comparison } | null;
}

describe('kaizen eval', () => {
  let dataDir: string;
  let configDir: string;
  let store: Store;
  let server: RunningServer;
  let env: NodeJS.ProcessEnv;
  let config: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kaizen-cli-eval-'));
    // Inside the repo, so the config's own import of @kaizen/sdk resolves as in a user's project.
    configDir = mkdtempSync(join(import.meta.dirname, '.tmp-eval-'));
    config = join(configDir, 'kaizen.config.ts');
    writeFileSync(config, CONFIG);
    const key = (await run(['keys', 'create', '--project', 'p', '--data', dataDir], {})).stdout.trim();
    store = await openStore({ dataDir });
    server = await startServer({ store, port: 0, logger: () => undefined });
    env = { KAIZEN_URL: server.url, KAIZEN_API_KEY: key };

    const pages = readFileSync(FIXTURE, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .slice(0, ITEMS)
      .map((line) => JSON.parse(line) as { id: string; html: string; types: string[]; main_types: string[] | null });
    const jsonl = pages
      .map((page) =>
        JSON.stringify({
          id: page.id,
          input: { html: page.html },
          expected: { '@type': page.main_types?.[0] ?? page.types[0] },
          metadata: { group: page.id.split('-')[1] },
        }),
      )
      .join('\n');
    writeFileSync(join(dataDir, 'pages.jsonl'), jsonl);

    const api = createKaizenApi({ url: server.url, apiKey: key });
    for (const system of [WEAK, STRONG]) {
      await api.prompts.pushVersion('extractor', {
        template: [
          { role: 'system', content: system },
          { role: 'user', content: '{{html}}' },
        ],
        model: 'sim:schemaorg',
      });
    }
  });

  afterAll(async () => {
    await server?.close();
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(configDir, { recursive: true, force: true });
  });

  const evaluate = async (...extra: string[]) => {
    const result = await run(
      ['eval', '--prompt', 'extractor', '--dataset', 'pages', '--config', config, '--json', ...extra],
      env,
    );
    expect(result.code, result.stderr).toBe(0);
    return { ...result, json: JSON.parse(result.stdout) as EvalJson };
  };

  it('imports the dataset, evaluates both versions, and finds the strong one better with p < 0.05', async () => {
    const imported = await run(['datasets', 'import', 'pages', '--file', join(dataDir, 'pages.jsonl'), '--json'], env);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ name: 'pages', version: 1, itemCount: ITEMS });

    const weak = await evaluate('--version', '1');
    expect(weak.stderr).toContain('Evaluating');
    expect(weak.stderr).toContain(`${ITEMS}/${ITEMS}`);
    expect(weak.json.experiment).toMatchObject({ simulated: true, promptVersion: 1 });
    expect(weak.json.experiment.summary).toMatchObject({ items: ITEMS, modelCalls: ITEMS, cachedItems: 0, errors: 0 });
    expect(weak.json.comparison).toBeNull();

    const strong = await evaluate('--version', '2', '--baseline', weak.json.experiment.id);
    expect(strong.json.experiment.summary.modelCalls).toBe(ITEMS);
    const comparison = strong.json.comparison?.comparison;
    expect(strong.json.comparison?.simulated).toBe(true);
    const improved = comparison?.criteria.filter(
      (criterion) =>
        criterion.comparison !== null && criterion.comparison.delta > 0 && criterion.comparison.pValue < 0.05,
    );
    expect(improved?.length, JSON.stringify(comparison?.criteria)).toBeGreaterThan(0);
    expect(comparison?.score?.delta).toBeGreaterThan(0);
    expect(comparison?.overall.fixedItemIds.length).toBeGreaterThan(comparison?.overall.brokenItemIds.length ?? 0);
  });

  it('prints the comparison table, flagged as simulated', async () => {
    const { items } = await createKaizenApi({ url: server.url, apiKey: env.KAIZEN_API_KEY ?? '' }).experiments.list({
      promptVersion: 1,
    });
    const baseline = items[0]?.id ?? '';
    const table = await run(
      [
        'eval',
        '--prompt',
        'extractor',
        '--version',
        '2',
        '--dataset',
        'pages',
        '--config',
        config,
        '--baseline',
        baseline,
      ],
      env,
    );
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('SIMULATED model (sim:schemaorg)');
    expect(table.stdout).toMatch(
      /CRITERION\s+BASELINE\s+CANDIDATE\s+Δ\s+% CHANGE\s+95% CI \(pp\)\s+P\s+FIXED\s+BROKEN/,
    );
    expect(table.stdout).toMatch(/json-only\s+\d+\.\d%\s+\d+\.\d%\s+[+-]\d+\.\d pp/);
    expect(table.stdout).toContain('overall (pass)');
    expect(table.stdout).toMatch(/score: \d\.\d{3} → \d\.\d{3} \(Δ \+\d\.\d{3}, 95% CI/);
    expect(table.stdout).toMatch(/fixed \d+ items/);
    expect(table.stdout).toMatch(/broken \d+ items/);
    // Every table of a simulated run says so: the run's own table and the comparison.
    expect(table.stdout.match(/SIMULATED/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it('re-runs from the response cache with no model call, and calls again with --no-cache', async () => {
    const cached = await evaluate('--version', '2');
    expect(cached.json.experiment.summary).toMatchObject({ items: ITEMS, modelCalls: 0, cachedItems: ITEMS });
    expect(cached.json.experiment.items.every((item) => item.cached)).toBe(true);
    expect(cached.stderr).toContain(`${ITEMS} cached`);

    const fresh = await evaluate('--version', '2', '--no-cache');
    expect(fresh.json.experiment.summary).toMatchObject({ modelCalls: ITEMS, cachedItems: 0 });
    // Deterministic model: the fresh answers equal the cached ones.
    const byId = new Map(cached.json.experiment.items.map((item) => [item.itemId, item.output]));
    for (const item of fresh.json.experiment.items) expect(item.output).toBe(byId.get(item.itemId));
  });

  it('resolves a label baseline to its version and reuses that version’s run on the same dataset', async () => {
    const api = createKaizenApi({ url: server.url, apiKey: env.KAIZEN_API_KEY ?? '' });
    await api.prompts.setLabel('extractor', 'production', 1);
    const before = (await api.experiments.list({ promptVersion: 1 })).items.length;
    const labelled = await evaluate('--version', '2', '--baseline', 'production');
    expect(labelled.json.comparison?.baseline.promptVersion).toBe(1);
    expect((await api.experiments.list({ promptVersion: 1 })).items.length).toBe(before);

    // On a split nothing ran on yet, the production version runs now (from the cache: no model call).
    const onSplit = await evaluate('--version', '2', '--baseline', 'production', '--split', 'validation');
    const baseline = await api.experiments.get(onSplit.json.comparison?.baseline.id ?? '');
    expect(baseline).toMatchObject({ promptVersion: 1, datasetSplit: 'validation', summary: { modelCalls: 0 } });
  });

  it('exits 2 with a message on errors', async () => {
    const missing = await run(
      ['eval', '--prompt', 'extractor', '--version', '2', '--dataset', 'nope', '--config', config],
      env,
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('dataset');
    const evaluator = await run(
      ['eval', '--prompt', 'extractor', '--version', '2', '--dataset', 'pages', '--config', config, '--evaluator', 'x'],
      env,
    );
    expect(evaluator.code).toBe(2);
    expect(evaluator.stderr).toContain('no evaluator "x"');
    const label = await run(
      [
        'eval',
        '--prompt',
        'extractor',
        '--version',
        '2',
        '--dataset',
        'pages',
        '--config',
        config,
        '--baseline',
        'nolabel',
      ],
      env,
    );
    expect(label.code).toBe(2);
    expect(label.stderr).toContain('neither an experiment id nor a label');
  });
});
