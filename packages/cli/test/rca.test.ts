// `kaizen rca` against a real server: a planted cause (German inputs fail the JSON criterion) ranked first with its
// driver, the JSON report, the "too small" message, and usage errors with exit code 2.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '@kaizen/server';
import { openStore, type Store } from '@kaizen/store';
import { makeSpan } from '@kaizen/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run } from './support/run-cli.js';

const definition = {
  name: 'extractor',
  passThreshold: 0.5,
  criteria: [
    { id: 'json', description: 'JSON only', weight: 2, check: { kind: 'json_valid' as const } },
    { id: 'short', description: 'Short', weight: 1, check: { kind: 'custom' as const, name: 'short' } },
  ],
};

describe('kaizen rca', () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let env: NodeJS.ProcessEnv;
  const traceIds: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kaizen-cli-rca-'));
    const key = (await run(['keys', 'create', '--project', 'p', '--data', dir], {})).stdout.trim();
    store = await openStore({ dataDir: dir });
    server = await startServer({ store, port: 0, logger: () => undefined });
    env = { KAIZEN_URL: server.url, KAIZEN_API_KEY: key };
    const project = await store.getProjectByName('p');
    if (project === null) throw new Error('no project');
    await store.evaluators.createVersion(project.id, 'extractor', { definition });
    let state = 11;
    const next = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
    for (let index = 0; index < 200; index += 1) {
      const language = index % 2 === 0 ? 'de' : 'en';
      const span = makeSpan({
        startTime: new Date(Date.UTC(2025, 5, 1) + index * 60_000).toISOString(),
        promptName: 'extract',
        promptVersion: '1',
        environment: index < 190 ? 'production' : 'staging',
        attributes: { 'kaizen.prompt.variables': JSON.stringify({ language }) },
      });
      await store.insertSpans(project.id, [span]);
      traceIds.push(span.traceId);
      const jsonFails = next() < (language === 'de' ? 0.7 : 0.05);
      await store.scores.write(project.id, {
        traceId: span.traceId,
        evaluatorName: 'extractor',
        evaluatorVersion: 1,
        score: jsonFails ? 0 : 1,
        passed: !jsonFails,
        label: jsonFails ? 'fail' : 'pass',
        results: [
          { criterionId: 'json', status: jsonFails ? 'failed' : 'passed', rationale: null },
          { criterionId: 'short', status: next() < 0.1 ? 'failed' : 'passed', rationale: null },
        ],
        source: 'manual',
        evaluatedAt: '2025-06-02T00:00:00.000Z',
      });
    }
  });

  afterAll(async () => {
    await server?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the causes ranked by lost score, the planted driver first', async () => {
    const result = await run(['rca', '--prompt', 'extract', '--environment', 'production'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^190 scored items · report [0-9a-f-]{36}$/);
    expect(lines[1]).toMatch(/#\s+cause\s+failure rate\s+lost score\s+top drivers\s+evidence/);
    const first = lines.find((line) => /^1\s/.test(line)) ?? '';
    expect(first).toMatch(/^1\s+json\b/);
    expect(first).toMatch(/variable\.language=de \(lift \d+\.\d\d, q [\d.e-]+\)/);
    expect(first).toMatch(/[0-9a-f]{32}\s*$/);
  });

  it('prints the stored report as JSON', async () => {
    const result = await run(['rca', '--prompt', 'extract', '--evaluator', 'extractor', '--json'], env);
    expect(result.code).toBe(0);
    const insight = JSON.parse(result.stdout) as {
      id: string;
      view: Record<string, unknown>;
      report: { causes: { criteria: string[]; drivers: { value: string }[] }[] };
    };
    expect(insight.view).toEqual({ evaluatorName: 'extractor', promptName: 'extract' });
    expect(insight.report.causes[0]?.criteria).toContain('json');
    expect(insight.report.causes[0]?.drivers[0]?.value).toBe('de');
  });

  it('says when the data is too small for any driver', async () => {
    const result = await run(['rca', '--prompt', 'extract', '--environment', 'staging'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^10 scored items/);
    expect(result.stdout).toMatch(/No significant driver: the data is too small/);
  });

  it("analyses a dataset's source traces", async () => {
    const project = await store.getProjectByName('p');
    const items = traceIds
      .slice(0, 30)
      .map((traceId) => ({ itemId: traceId, input: { x: 1 }, sourceTraceId: traceId }));
    await store.datasets.createVersion(project?.id ?? '', 'golden', {
      items,
      source: { kind: 'import', format: 'json' },
    });
    const result = await run(['rca', '--prompt', 'extract', '--dataset', 'golden', '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    const insight = JSON.parse(result.stdout) as { view: Record<string, unknown>; traceCount: number };
    expect(insight.view).toEqual({ evaluatorName: 'extractor', datasetName: 'golden', datasetVersion: 1 });
    expect(insight.traceCount).toBe(30);
  });

  it('exits 2 on usage errors and unknown views', async () => {
    const both = await run(['rca', '--prompt', 'extract', '--environment', 'a', '--dataset', 'b'], env);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/one of --environment, --dataset and --experiment/);
    const unknown = await run(['rca', '--prompt', 'extract', '--evaluator', 'nobody'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/evaluator "nobody" not found/);
  });
});
