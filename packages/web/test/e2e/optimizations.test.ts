// Optimization runs in a real browser over a real server: the runs list, a finished run's per-criterion report,
// Pareto front, rounds and candidate diffs, labelling the winner `staging`, and a run whose best is its start.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, signIn } from './support/browser.js';
import {
  optimizationCandidates,
  type SeededCandidate,
  type SeededRun,
  seedFinishedOptimization,
  startOptimization,
  WEAK_PROMPT,
  waitForOptimization,
} from './support/seed-optimization.js';
import { apiRequest, startWebServer, type WebServer } from './support/web-server.js';

async function texts(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).allTextContents();
}

describe('optimization runs', () => {
  let web: WebServer;
  let browser: Browser;
  let run: SeededRun;
  let candidates: SeededCandidate[];
  beforeAll(async () => {
    web = await startWebServer();
    browser = await launchBrowser();
    ({ run, candidates } = await seedFinishedOptimization(web));
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('lists runs and shows a finished run: report, Pareto front, rounds, diffs; labels the winner staging', async () => {
    const result = run.result;
    if (result === null || run.bestVersion === null) throw new Error('the seeded run should beat its start');
    expect(result.bestId).not.toBe(result.startId);
    const { page, problems } = await openPage(browser);
    await signIn(page, web.url, web.key);

    // The list: prompt with start → best version, status, simulated.
    await page.goto(`${web.url}/optimizations`);
    const row = page.getByTestId('optimization-runs').locator('tbody tr').first();
    await expect.poll(() => row.textContent()).toContain(`extractor v1 → v${run.bestVersion}`);
    expect(await row.textContent()).toContain(run.status);
    expect(await row.textContent()).toContain('simulated');
    await page.getByTestId('simulated-notice').waitFor();
    await screenshot(page, 'optimizations-list');

    // The run page, reached from the list.
    await row.getByRole('link').click();
    await page.getByTestId('criteria-validation').waitFor();
    expect(page.url()).toBe(`${web.url}/optimizations/${run.id}`);
    expect(await page.getByTestId('run-status').textContent()).toBe(run.status);
    await page.getByTestId('simulated-notice').waitFor();
    expect(await page.getByTestId('run-progress').count()).toBe(0);
    expect(await page.getByTestId('budget-progress').locator('progress').count()).toBe(2);
    expect(await page.getByRole('button', { name: 'Cancel run' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Resume run' }).count()).toBe(0);

    // Per-criterion before → after on validation and holdout, one row per criterion, with p-values.
    for (const testId of ['criteria-validation', 'criteria-holdout']) {
      const table = page.getByTestId(testId);
      expect(await texts(page, `[data-testid="${testId}"] tbody td:first-child`)).toEqual([
        'json-only',
        'context',
        'main-type',
      ]);
      const cells = await texts(page, `[data-testid="${testId}"] tbody td`);
      expect(cells.filter((cell) => /^\d+\.\d%$/.test(cell)).length).toBe(6);
      expect(cells.filter((cell) => /^[+−±]\d+\.\d pp$/.test(cell)).length).toBe(3);
      expect(cells.filter((cell) => /^p (=|<) [01]\.\d{3}$/.test(cell)).length).toBe(3);
      expect(await table.textContent()).toMatch(/Score \d\.\d{3} → \d\.\d{3}/);
    }
    expect(await page.getByTestId('criteria-holdout').textContent()).toContain('Holdout');

    // The Pareto front: one point per validated candidate, the front and the best highlighted.
    const validated = candidates.filter((candidate) => candidate.validation !== null);
    const circles = page.getByTestId('pareto-chart').locator('svg circle');
    expect(await circles.count()).toBe(validated.length);
    const highlighted = new Set([...result.paretoFront, result.bestId]);
    expect(await page.getByTestId('pareto-chart').locator('circle.highlight').count()).toBe(highlighted.size);
    expect(await page.getByTestId('pareto-front-ids').textContent()).toBe(`Front: ${result.paretoFront.join(', ')}`);
    expect(await circles.locator('title').allTextContents()).toContainEqual(expect.stringMatching(/, best$/));

    // Rounds: candidates grouped by round, each linked.
    const rounds = [...new Set(candidates.map((candidate) => candidate.round))];
    expect(await page.locator('[data-testid="run-rounds"] > section').count()).toBe(rounds.length);
    for (const candidate of candidates) {
      await page.getByTestId(`round-${candidate.round}`).getByTestId(`candidate-link-${candidate.id}`).waitFor();
    }
    expect(await page.getByTestId('round-1').textContent()).toMatch(/criterion-to-instruction/);
    expect(await page.getByTestId('round-1').textContent()).toMatch(/\d+ wins \/ \d+ losses · p = /);

    // The best candidate's diff is open; a later candidate's diff against its parent differs from the one against
    // the start.
    const detail = page.getByTestId('candidate-detail');
    expect(await detail.textContent()).toContain(`Candidate ${result.bestId}`);
    const child = candidates.find((candidate) => candidate.parentId !== null && candidate.parentId !== 'c0');
    if (child === undefined) throw new Error('the seeded run should have a candidate whose parent is not the start');
    await page.getByTestId(`candidate-link-${child.id}`).click();
    await expect.poll(() => detail.textContent()).toContain(`Candidate ${child.id}`);
    const parentDiff = page.getByTestId('candidate-diff-parent');
    await expect.poll(() => parentDiff.textContent()).toContain(`extractor v`);
    expect(await parentDiff.textContent()).toContain(`(${child.parentId})`);
    expect(await parentDiff.textContent()).not.toContain('(start)');
    await page.getByRole('button', { name: 'Against start (c0)' }).click();
    const startDiff = page.getByTestId('candidate-diff-start');
    await expect.poll(() => startDiff.textContent()).toContain('extractor v1 (start)');
    expect(await startDiff.textContent()).toContain(WEAK_PROMPT);
    expect(page.url()).toContain(`candidate=${child.id}`);
    expect(page.url()).toContain('diff=start');
    // Side by side works on the same diff.
    await startDiff.getByRole('button', { name: 'Side by side' }).click();
    await startDiff.locator('table.diff-split').waitFor();
    await screenshot(page, 'optimization-run');

    // Label the winner staging: an in-page confirmation, then the label points at the best version.
    const labelBox = page.getByTestId('label-winner');
    expect(await labelBox.textContent()).toContain('extractor has no staging label yet');
    await page.getByRole('button', { name: 'Label winner staging' }).click();
    const confirm = page.getByTestId('label-confirm');
    expect(await confirm.textContent()).toContain(`at v${run.bestVersion} (${result.bestId}`);
    await page.getByRole('button', { name: `Confirm: label v${run.bestVersion} staging` }).click();
    await expect
      .poll(() => page.getByTestId('label-result').textContent())
      .toBe(`staging of extractor now points at v${run.bestVersion} (new label).`);
    const staging = await apiRequest<{ version: number }>(web, '/api/prompts/extractor/labels/staging');
    expect(staging.version).toBe(run.bestVersion);
    await expect.poll(() => page.getByRole('button', { name: 'Label winner staging' }).isDisabled()).toBe(true);
    expect(await page.getByTestId('label-current').textContent()).toContain(
      `staging already points at v${run.bestVersion}`,
    );
    await screenshot(page, 'optimization-run-labelled');
    expect(problems).toEqual([]);
  });

  it('keeps the label button disabled when nothing beat the start', async () => {
    const started = await startOptimization(web, { budget: { maxCandidateEvals: 1 } });
    const stopped = await waitForOptimization(web, started.id);
    expect(stopped.result?.bestId).toBe('c0');
    expect((await optimizationCandidates(web, stopped.id)).map((candidate) => candidate.id)).toEqual(['c0']);
    const { page, problems } = await openPage(browser);
    await signIn(page, web.url, web.key);
    await page.goto(`${web.url}/optimizations/${stopped.id}`);
    await page.getByTestId('label-winner').waitFor();
    expect(await page.getByTestId('run-status').textContent()).toBe('budget-exhausted');
    expect(await page.getByRole('button', { name: 'Label winner staging' }).isDisabled()).toBe(true);
    expect(await page.getByTestId('label-winner').textContent()).toContain('Nothing beat the start prompt');
    expect(await page.getByTestId('candidate-detail').count()).toBe(0);
    await page.getByTestId('candidate-link-c0').click();
    await expect.poll(() => page.getByTestId('candidate-detail').textContent()).toContain('The start prompt');
    expect(problems).toEqual([]);
  });
});
