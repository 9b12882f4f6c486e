// `kaizen demo --no-serve --json` in-process, offline: the whole loop against its embedded instance, checked through
// its summary and, after it exited, through the store it left in the data folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@kaizen/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, runCli } from './support/run-cli.js';

interface DemoSummary {
  simulated: boolean;
  notice: string | null;
  models: { task: string; optimizer: string };
  project: string;
  served: boolean;
  prompt: { name: string; productionVersion: number; stagingVersion: number | null };
  traffic: { calls: number; failed: number; pages: number; from: string; to: string };
  scores: { traces: number; passRate: number | null; criteria: { criterionId: string; passed: number }[] };
  insight: { id: string; traceCount: number; causes: { criteria: string[] }[] };
  dataset: { items: number; withExpected: number; splitCounts: { train: number; validation: number } };
  optimization: { run: { status: string; bestVersion: number | null; simulated: boolean }; improved: boolean };
  promotion: { label: string; toVersion: number } | null;
  shadow: { replayed: number; traceIds: string[]; comparison: { pairs: number } } | null;
}

describe('kaizen demo --no-serve', () => {
  let dataDir: string;
  let run: CliRun;
  let summary: DemoSummary;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kaizen-demo-test-'));
    // A clean environment: no KAIZEN_MODEL, so the simulated models run offline.
    run = await runCli(['demo', '--no-serve', '--json', '--data', dataDir, '--port', '0'], {});
    summary = JSON.parse(run.stdout) as DemoSummary;
  }, 120_000);

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('exits 0 with the simulated notice on stderr and in the summary', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(summary.simulated).toBe(true);
    expect(summary.models).toEqual({ task: 'sim:schemaorg', optimizer: 'sim:optimizer' });
    expect(summary.notice).toMatch(/^SIMULATED model \(sim:schemaorg, sim:optimizer\)/);
    expect(run.stderr).toContain('SIMULATED model (sim:schemaorg, sim:optimizer)');
    expect(summary.served).toBe(false);
  });

  it('ingests a day of production traces through OTLP and scores every one online', () => {
    expect(summary.traffic).toMatchObject({ calls: 240, failed: 0, pages: 92 });
    const spread = Date.parse(summary.traffic.to) - Date.parse(summary.traffic.from);
    expect(spread).toBeGreaterThan(12 * 3_600_000);
    expect(spread).toBeLessThanOrEqual(24 * 3_600_000);
    expect(summary.scores.traces).toBe(240);
    expect(summary.scores.criteria.map((criterion) => criterion.criterionId)).toEqual([
      'json-only',
      'context',
      'specific-type',
      'no-invented-rating',
      'property-coverage',
    ]);
  });

  it('stores a root-cause report and builds the dataset from production traces', () => {
    expect(summary.insight.traceCount).toBe(240);
    expect(summary.insight.causes.length).toBeGreaterThan(0);
    expect(summary.dataset.items).toBe(92);
    expect(summary.dataset.withExpected).toBe(92);
    expect(summary.dataset.splitCounts.validation).toBeGreaterThan(0);
  });

  it('finishes an optimization with a better version, moves staging to it and replays production into shadow', () => {
    const { run: optimization } = summary.optimization;
    expect(['completed', 'plateau', 'budget-exhausted']).toContain(optimization.status);
    expect(optimization.simulated).toBe(true);
    expect(summary.optimization.improved).toBe(true);
    expect(optimization.bestVersion).not.toBeNull();
    expect(summary.promotion).toMatchObject({ label: 'staging', toVersion: optimization.bestVersion });
    expect(summary.prompt.stagingVersion).toBe(optimization.bestVersion);
    expect(summary.shadow?.replayed).toBe(60);
    expect(summary.shadow?.comparison.pairs).toBe(60);
  });

  it('leaves it all in the data folder: traces of both views, the insight and the staging label', async () => {
    const store = await openStore({ dataDir });
    try {
      const project = await store.getProjectByName(summary.project);
      expect(project).not.toBeNull();
      const projectId = project?.id ?? '';
      const production = await store.listTraces(projectId, { environment: 'production', limit: 1000 });
      expect(production.items).toHaveLength(240);
      // Stored as they were stamped: spread over the day, not at the few seconds the demo took.
      const starts = production.items.map((trace) => Date.parse(trace.startTime));
      expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThan(12 * 3_600_000);
      expect(Math.min(...starts)).toBeGreaterThanOrEqual(Date.now() - 25 * 3_600_000);
      const shadow = await store.listTraces(projectId, { environment: 'shadow', limit: 1000 });
      expect(shadow.items.map((trace) => trace.traceId).sort()).toEqual([...(summary.shadow?.traceIds ?? [])].sort());
      expect(await store.insights.get(projectId, summary.insight.id)).not.toBeNull();
      const staging = await store.prompts.getVersionByLabel(projectId, summary.prompt.name, 'staging');
      expect(staging?.version).toBe(summary.optimization.run.bestVersion);
      const live = await store.prompts.getVersionByLabel(projectId, summary.prompt.name, 'production');
      expect(live?.version).toBe(summary.prompt.productionVersion);
    } finally {
      await store.close();
    }
  });
});
