// `kaizen gate` end to end with the simulated model: schemaorg fixture pages, a production version, a better candidate
// that passes and is promoted, a candidate that no longer asks for raw JSON and fails without being promoted, the
// --json document, runs answered from the response cache, and usage errors that exit 2 before any model call.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKaizenApi, type KaizenApi } from '@kaizen/sdk';
import { type RunningServer, startServer } from '@kaizen/server';
import { openStore, type Store } from '@kaizen/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run } from './support/run-cli.js';

const FIXTURE = fileURLToPath(new URL('../../../fixtures/schemaorg/schemaorg.jsonl', import.meta.url));
const ITEMS = 40;

const LINES = {
  role: 'You convert web pages to schema.org JSON-LD.',
  json: 'Respond with raw JSON only: no prose, no markdown fences.',
  type: 'Use the most specific schema.org type for the main entity of the page.',
  context: 'Include "@context": "https://schema.org".',
  grounded: 'Use only information that is visible on the page; never invent values such as phone numbers or ratings.',
  fill: 'Fill every property the page supports.',
};
const system = (...keys: (keyof typeof LINES)[]) => keys.map((key) => LINES[key]).join('\n');
/** v1, production: asks for raw JSON but not for the context. */
const PRODUCTION = system('role', 'json', 'type', 'grounded', 'fill');
/** v2: also asks for the context, so it is better. */
const BETTER = system('role', 'json', 'type', 'context', 'grounded', 'fill');
/** v3: the better prompt without "raw JSON only", so answers come wrapped in prose or fences. */
const WORSE = system('role', 'type', 'context', 'grounded', 'fill');

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
      ],
    },
  },
});
`;

interface Side {
  ref: string;
  label: string | null;
  promptVersion: number;
  experimentId: string;
  model: string;
  simulated: boolean;
  summary: { items: number; modelCalls: number; cachedItems: number; errors: number };
}

interface GateJson {
  verdict: 'passed' | 'failed' | 'error';
  reasons: string[];
  warnings: string[];
  simulated: boolean;
  alpha: number;
  maxRegression: number;
  comparison: {
    baseline: { id: string };
    candidate: { id: string };
    comparison: { criteria: { criterionId: string; comparison: { delta: number; pValue: number } | null }[] };
  };
  baseline: Side;
  candidate: Side;
  promotion: { label: string; moved: boolean; fromVersion: number | null; toVersion: number; message: string } | null;
}

describe('kaizen gate', () => {
  let dataDir: string;
  let configDir: string;
  let store: Store;
  let server: RunningServer;
  let env: NodeJS.ProcessEnv;
  let config: string;
  let api: KaizenApi;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kaizen-cli-gate-'));
    // Inside the repo, so the config's own import of @kaizen/sdk resolves as in a user's project.
    configDir = mkdtempSync(join(import.meta.dirname, '.tmp-gate-'));
    config = join(configDir, 'kaizen.config.ts');
    writeFileSync(config, CONFIG);
    const key = (await run(['keys', 'create', '--project', 'p', '--data', dataDir], {})).stdout.trim();
    store = await openStore({ dataDir });
    server = await startServer({ store, port: 0, logger: () => undefined });
    env = { KAIZEN_URL: server.url, KAIZEN_API_KEY: key, KAIZEN_ACTOR: 'ci-bot' };
    api = createKaizenApi({ url: server.url, apiKey: key });

    const pages = readFileSync(FIXTURE, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .slice(0, ITEMS)
      .map((line) => JSON.parse(line) as { id: string; html: string; types: string[]; main_types: string[] | null });
    await api.datasets.createVersion('pages', {
      items: pages.map((page) => ({
        itemId: page.id,
        input: { html: page.html },
        expected: { '@type': page.main_types?.[0] ?? page.types[0] },
      })),
    });
    for (const prompt of [PRODUCTION, BETTER, WORSE]) {
      await api.prompts.pushVersion('extractor', {
        template: [
          { role: 'system', content: prompt },
          { role: 'user', content: '{{html}}' },
        ],
        model: 'sim:schemaorg',
      });
    }
    await api.prompts.setLabel('extractor', 'production', 1);
  });

  afterAll(async () => {
    await server?.close();
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(configDir, { recursive: true, force: true });
  });

  const gate = (...extra: string[]) =>
    run(['gate', '--prompt', 'extractor', '--dataset', 'pages', '--config', config, ...extra], env);
  const gateJson = async (...extra: string[]) => {
    const result = await gate('--json', ...extra);
    return { ...result, json: JSON.parse(result.stdout) as GateJson };
  };

  it('passes a better candidate (exit 0), prints the comparison and promotes it', async () => {
    const result = await gate('--candidate', '2', '--baseline', 'production', '--promote', 'staging');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('Baseline ');
    expect(result.stderr).toContain('Candidate');
    expect(result.stdout).toMatch(
      /CRITERION\s+BASELINE\s+CANDIDATE\s+Δ\s+% CHANGE\s+95% CI \(pp\)\s+P\s+FIXED\s+BROKEN/,
    );
    expect(result.stdout).toContain('(production = v1)');
    expect(result.stdout).toMatch(/context\s+\d+\.\d%\s+\d+\.\d%\s+\+\d+\.\d pp/);
    expect(result.stdout).toContain('SIMULATED model');
    expect(result.stdout).toMatch(/^GATE PASSED \[SIMULATED model sim:schemaorg/m);
    expect(result.stdout).toContain('Promoted extractor staging → v2 (was unset).');
    expect((await api.prompts.getByLabel('extractor', 'staging')).version).toBe(2);
    const history = await api.prompts.history('extractor', { label: 'staging' });
    expect(history.items[0]?.actor).toMatch(/^ci-bot \(kaizen gate, experiment [0-9a-f-]{36}\)$/);
  });

  it('fails a candidate that no longer asks for raw JSON (exit 1) and does not promote it', async () => {
    const result = await gate('--candidate', '3', '--promote', 'staging');
    expect(result.code, result.stdout).toBe(1);
    expect(result.stdout).toMatch(/^GATE FAILED: .*json-only \d+\.\d% → \d+\.\d% \(-\d+\.\d pp, 95% CI/m);
    expect(result.stdout).toContain('Not promoted: the gate did not pass; staging is unchanged (v2).');
    expect((await api.prompts.getByLabel('extractor', 'staging')).version).toBe(2);
  });

  it('lets a significant drop within --max-regression pass, as a note', async () => {
    const result = await gateJson('--candidate', '3', '--max-regression', '100');
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toMatchObject({ verdict: 'passed', reasons: [], maxRegression: 100 });
    expect(result.json.warnings.some((warning) => /^json-only .*within --max-regression 100 pp$/.test(warning))).toBe(
      true,
    );
  });

  it('prints one JSON document with --json: verdict, reasons, comparison, baseline, candidate, promotion', async () => {
    const result = await gateJson('--candidate', 'staging', '--baseline', '1', '--split', 'validation');
    expect(result.code, result.stderr).toBe(0);
    const { json } = result;
    expect(Object.keys(json).sort()).toEqual(
      [
        'alpha',
        'baseline',
        'candidate',
        'comparison',
        'maxRegression',
        'promotion',
        'reasons',
        'simulated',
        'verdict',
        'warnings',
      ].sort(),
    );
    expect(json).toMatchObject({ verdict: 'passed', reasons: [], simulated: true, alpha: 0.05, promotion: null });
    expect(json.baseline).toMatchObject({ ref: '1', label: null, promptVersion: 1, model: 'sim:schemaorg' });
    expect(json.candidate).toMatchObject({ ref: 'staging', label: 'staging', promptVersion: 2, simulated: true });
    expect(json.comparison.baseline.id).toBe(json.baseline.experimentId);
    expect(json.comparison.candidate.id).toBe(json.candidate.experimentId);
    const baseline = await api.experiments.get(json.baseline.experimentId);
    expect(baseline).toMatchObject({ datasetSplit: 'validation', name: 'gate baseline v1' });
    expect(baseline.summary?.items).toBeLessThan(ITEMS);
    const failed = await gateJson('--candidate', '3', '--promote', 'staging');
    expect(failed.code).toBe(1);
    expect(failed.json.verdict).toBe('failed');
    expect(failed.json.reasons.some((reason) => reason.startsWith('json-only '))).toBe(true);
    expect(failed.json.promotion).toMatchObject({ label: 'staging', moved: false, fromVersion: 2, toVersion: 3 });
  });

  it('runs twice with no new model call: every item of the second gate comes from the cache', async () => {
    await api.prompts.pushVersion('extractor', {
      template: [
        { role: 'system', content: `${BETTER}\nBe concise.` },
        { role: 'user', content: '{{html}}' },
      ],
      model: 'sim:schemaorg',
    });
    const first = await gateJson('--candidate', '4');
    expect(first.code, first.stderr).toBe(0);
    expect(first.json.candidate.summary).toMatchObject({ items: ITEMS, modelCalls: ITEMS, cachedItems: 0 });
    const second = await gateJson('--candidate', '4');
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain(`${ITEMS} cached`);
    for (const side of [second.json.baseline, second.json.candidate]) {
      expect(side.summary).toMatchObject({ items: ITEMS, modelCalls: 0, cachedItems: ITEMS });
      const experiment = await api.experiments.get(side.experimentId);
      expect(experiment.items.every((item) => item.cached)).toBe(true);
    }
    expect(second.json.candidate.experimentId).not.toBe(first.json.candidate.experimentId);
  });

  it('exits 2 with a message saying what to do, before any model call, on usage errors', async () => {
    const before = (await api.experiments.list({})).items.length;
    const cases: [string[], NodeJS.ProcessEnv, string][] = [
      [['--baseline', 'production'], env, "required option '--candidate"],
      [['--candidate', '2', '--max-regression', 'two'], env, '--max-regression takes percentage points'],
      [['--candidate', '2', '--max-regression', '-1'], env, '--max-regression takes percentage points'],
      [['--candidate', '2', '--promote', 'Prod!'], env, '--promote takes a label'],
      [['--candidate', '2', '--split', 'test'], env, '--split must be one of'],
      [['--candidate', '9'], env, 'prompt "extractor" has no version 9 (it has 1–4)'],
      [['--candidate', '2', '--baseline', 'canary'], env, 'kaizen prompts promote extractor VERSION --to canary'],
      [['--candidate', '2', '--evaluator', 'x'], env, 'no evaluator "x"'],
      [['--candidate', '2', '--dataset-version', '7'], env, '`kaizen datasets show pages` lists its versions'],
      [['--candidate', '2', '--api-key', 'nope'], env, 'Check the API key'],
      [['--candidate', '2'], { KAIZEN_URL: server.url }, 'No API key'],
    ];
    for (const [extra, environment, message] of cases) {
      const result = await run(
        ['gate', '--prompt', 'extractor', '--dataset', 'pages', '--config', config, ...extra],
        environment,
      );
      expect(result.code, `${extra.join(' ')}: ${result.stderr}`).toBe(2);
      expect(result.stderr, extra.join(' ')).toContain(message);
      expect(result.stdout).not.toContain('GATE');
    }
    const unknownPrompt = await run(
      [
        'gate',
        '--prompt',
        'nope',
        '--candidate',
        '1',
        '--dataset',
        'pages',
        '--config',
        config,
        '--evaluator',
        'extractor',
      ],
      env,
    );
    expect(unknownPrompt.code).toBe(2);
    expect(unknownPrompt.stderr).toContain('no prompt named "nope" in this project');
    const unknownDataset = await run(
      ['gate', '--prompt', 'extractor', '--candidate', '2', '--dataset', 'nope', '--config', config],
      env,
    );
    expect(unknownDataset.code).toBe(2);
    expect(unknownDataset.stderr).toContain('dataset "nope" not found');
    expect((await api.experiments.list({})).items.length).toBe(before);
    expect((await api.prompts.getByLabel('extractor', 'staging')).version).toBe(2);
  });

  it('exits 2 when the server is down, saying to start it or fix the URL', async () => {
    const listener = createServer();
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const { port } = listener.address() as AddressInfo;
    await new Promise((resolve) => listener.close(resolve));
    const result = await gate('--candidate', '2', '--url', `http://127.0.0.1:${port}`);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot connect');
    expect(result.stderr).toContain('kaizen serve');
  });
});
