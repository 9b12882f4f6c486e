// Insights in a real browser: compute a root-cause report over seeded scored traces with a planted cause (one
// criterion fails on most traces of one model), see it ranked first with that driver, its trend and evidence, the
// model-written hypothesis labelled and shown as text, and open an evidence trace.
import type { ModelPort } from '@kaizen/core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, signIn } from './support/browser.js';
import { PLANTED, SEED_EVALUATOR, type SeededScores, seedScoredTraces } from './support/seed-scores.js';
import { startWebServer, type WebServer } from './support/web-server.js';

/** Markup a page must show as text: executed, it would open a dialog, which fails the test. */
const HOSTILE = '<img src=x onerror="alert(1)">';

/** Cites the first evidence trace of each cause, with markup in the text. */
const narrativePort: ModelPort = {
  generate(request) {
    const user = request.messages[1]?.content ?? '';
    const cited = /\[([0-9a-f]{32})\]/.exec(user)?.[1] ?? '';
    return Promise.resolve({
      text: `Traces of this model send the price as a string ${HOSTILE} [${cited}].`,
      usage: null,
    });
  },
};

describe('insights', () => {
  let web: WebServer;
  let browser: Browser;
  let seeded: SeededScores;
  beforeAll(async () => {
    web = await startWebServer({ narrativePort });
    seeded = await seedScoredTraces(web, { traces: 240 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('computes a report, ranks the planted cause first with its driver, and opens an evidence trace', async () => {
    const { page, problems } = await openPage(browser);
    page.setDefaultTimeout(10_000);
    await signIn(page, web.url, web.key);
    await page.goto(`${web.url}/insights`);
    await page.getByText('No reports yet').waitFor();

    const form = page.getByRole('form', { name: 'Compute a report' });
    await expect.poll(() => form.getByRole('combobox', { name: /^Evaluator/ }).inputValue()).toBe(SEED_EVALUATOR);
    await form.getByRole('combobox', { name: /^Prompt(?! version)/ }).selectOption('extractor');
    await form.getByRole('button', { name: 'Compute' }).click();
    await page.waitForURL(/\/insights\/[0-9a-f-]{36}$/);

    await page.getByTestId('causes-table').waitFor();
    expect(await page.getByTestId('insight-view').textContent()).toMatch(/extractor-quality · prompt extractor/);
    expect(await page.getByTestId('insight-view').textContent()).toContain('over 240 scored traces');
    const firstCause = page.getByTestId('causes-table').locator('tbody tr').first();
    expect(await firstCause.locator('td').nth(1).textContent()).toBe(PLANTED.criterion);

    const cause = page.getByTestId('cause-1');
    const topDriver = cause.getByTestId('cause-1-drivers').locator('tbody tr').first();
    expect(await topDriver.locator('td').first().textContent()).toBe(`model = ${PLANTED.model}`);
    expect(await topDriver.locator('td').nth(1).textContent()).toMatch(/^×\d+\.\d\d$/);
    // Trend by day and by prompt version, drawn as points.
    expect(await cause.getByTestId('cause-1-trend-day').locator('svg circle').count()).toBeGreaterThanOrEqual(3);
    expect(await cause.getByTestId('cause-1-trend-version').locator('svg circle').count()).toBe(2);

    // The hypothesis is labelled as model-written and its markup is text.
    const narrative = cause.getByTestId('cause-1-narrative');
    expect(await narrative.textContent()).toContain('Model-written hypothesis');
    expect(await narrative.textContent()).toContain(HOSTILE);
    expect(await narrative.locator('img').count()).toBe(0);

    // Evidence: failing traces of the planted cause, each linking to its trace, with its excerpt as text.
    const evidence = cause.getByTestId('cause-1-failing').locator('li');
    expect(await evidence.count()).toBeGreaterThan(0);
    const link = evidence.first().getByRole('link');
    const href = (await link.getAttribute('href')) ?? '';
    const traceId = href.replace('/traces/', '');
    expect(seeded.plantedFailures.has(traceId)).toBe(true);
    expect(await evidence.first().locator('pre').textContent()).toContain('offers.price is the string');
    expect(await cause.getByTestId('cause-1-passing').locator('li').count()).toBeGreaterThan(0);
    await screenshot(page, 'insight-report');

    await link.click();
    await page.waitForURL(`${web.url}/traces/${traceId}`);
    await expect.poll(() => page.locator('h1').first().textContent()).not.toBe('Not found');

    await page.goto(`${web.url}/insights`);
    const row = page.getByTestId('insight-list').locator('tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.first().textContent()).toContain('extractor-quality · prompt extractor');
    expect(await row.first().locator('td').nth(2).textContent()).toBe('240');
    await screenshot(page, 'insights');
    expect(problems).toEqual([]);
  });
});
