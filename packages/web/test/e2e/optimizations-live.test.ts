// A running optimization run in a real browser: the model is held at a gate, so the run stays `running` for as long
// as the test needs (no timing race); the page shows its progress, follows it to the end by itself and then stops
// polling; cancel and resume from the page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, signIn } from './support/browser.js';
import {
  ModelGate,
  optimizationCandidates,
  pushWeakPrompt,
  type SeededRun,
  seedOptimizationInputs,
  startOptimization,
  waitForOptimization,
} from './support/seed-optimization.js';
import { apiRequest, startWebServer, type WebServer } from './support/web-server.js';

const FINISHED = ['completed', 'plateau', 'budget-exhausted'];

describe('a running optimization run', () => {
  const gate = new ModelGate();
  let web: WebServer;
  let browser: Browser;
  beforeAll(async () => {
    web = await startWebServer({ optimization: { resolveModel: gate.resolveModel } });
    browser = await launchBrowser();
    await seedOptimizationInputs(web);
  });
  afterAll(async () => {
    // A held call would keep the server's close waiting on the run.
    gate.open();
    await browser?.close();
    await web?.close();
  });

  it('shows progress while it runs, then the finished view without a reload, and stops polling', async () => {
    const held = gate.closeAt(gate.delivered + 25);
    const started = await startOptimization(web);
    await held;
    const { page, problems } = await openPage(browser);
    await signIn(page, web.url, web.key);

    await page.goto(`${web.url}/optimizations`);
    const row = page.getByTestId('optimization-runs').locator('tbody tr').first();
    await expect.poll(() => row.textContent()).toContain('running…');
    await screenshot(page, 'optimizations-list-running');

    const runPath = `${web.url}/api/optimizations/${started.id}`;
    let reads = 0;
    page.on('request', (request) => {
      if (request.url() === runPath) reads += 1;
    });
    await page.goto(`${web.url}/optimizations/${started.id}`);
    await page.getByTestId('run-progress').waitFor();
    expect(await page.getByTestId('run-status').textContent()).toBe('running…');
    expect(await page.getByTestId('budget-progress').locator('progress').count()).toBe(2);
    expect(await page.getByTestId('budget-progress').textContent()).toContain('candidate evals');
    await page.getByTestId('result-pending').waitFor();
    await page.getByRole('button', { name: 'Cancel run' }).waitFor();
    await page.getByTestId('simulated-notice').waitFor();
    // The label button comes with the result, never for a best that may still change.
    expect(await page.getByTestId('label-winner').count()).toBe(0);
    await screenshot(page, 'optimization-run-running');
    // The page reads the run again on its own while it runs.
    await expect.poll(() => reads, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);

    gate.open();
    await expect.poll(() => page.getByTestId('run-status').textContent(), { timeout: 30_000 }).not.toBe('running…');
    const finished = await waitForOptimization(web, started.id);
    expect(FINISHED).toContain(finished.status);
    expect(await page.getByTestId('run-status').textContent()).toBe(finished.status);
    await page.getByTestId('criteria-validation').waitFor();
    await page.getByTestId('run-summary').waitFor();
    expect(await page.getByTestId('run-progress').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Cancel run' }).count()).toBe(0);
    // The rounds show every candidate of the finished run, final statuses included.
    for (const candidate of await optimizationCandidates(web, started.id)) {
      await page.getByTestId(`candidate-link-${candidate.id}`).waitFor();
    }
    expect(await page.getByTestId('run-candidates').textContent()).toBe(String(finished.progress.candidates));

    // Once it has ended, the timer stops.
    const settled = reads;
    await page.waitForTimeout(2500);
    expect(reads).toBe(settled);
    expect(problems).toEqual([]);
  });

  it('cancels a running run from its page and resumes it to the end', async () => {
    // Words the response cache has not seen, so this run calls the model and the gate can hold it.
    await pushWeakPrompt(web, 'extractor-b', 'Please give me the JSON-LD for this web page.');
    const held = gate.closeAt(gate.delivered + 10);
    const started = await startOptimization(web, { prompt: 'extractor-b' });
    await held;
    const { page, problems } = await openPage(browser);
    await signIn(page, web.url, web.key);
    await page.goto(`${web.url}/optimizations/${started.id}`);
    await page.getByTestId('run-progress').waitFor();

    await page.getByRole('button', { name: 'Cancel run' }).click();
    // The held calls answer after the abort: the loop stops at its next step.
    gate.open();
    await expect.poll(() => page.getByTestId('run-status').textContent(), { timeout: 30_000 }).toBe('cancelled');
    const cancelled = await apiRequest<SeededRun>(web, `/api/optimizations/${started.id}`);
    expect(cancelled.status).toBe('cancelled');
    expect(await page.getByRole('button', { name: 'Cancel run' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Resume run' }).click();
    await expect
      .poll(() => page.getByTestId('run-status').textContent(), { timeout: 30_000 })
      .toMatch(new RegExp(`^(${FINISHED.join('|')})$`));
    const resumed = await waitForOptimization(web, started.id);
    expect(await page.getByTestId('run-status').textContent()).toBe(resumed.status);
    await page.getByTestId('criteria-validation').waitFor();
    expect(await page.getByRole('button', { name: 'Resume run' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
