// The experiment pages in a real browser over two seeded runs on sim:schemaorg: the list, one run's page, and the
// comparison (per-criterion rows with Δ and CI, fixed and broken items, an item's output diff in both modes).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, signIn } from './support/browser.js';
import {
  BROKEN_PAGES,
  FIXED_PAGES,
  type SeededExperiments,
  seedExperiments,
  WRONG_TYPE,
} from './support/seed-experiments.js';
import { startWebServer, type WebServer } from './support/web-server.js';

describe('experiment pages', () => {
  let web: WebServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let seeded: SeededExperiments;
  const pageId = (index: number) => seeded.pages[index]?.id ?? '';
  beforeAll(async () => {
    web = await startWebServer();
    browser = await launchBrowser();
    seeded = await seedExperiments(web);
    ({ page, problems } = await openPage(browser));
    await signIn(page, web.url, web.key);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('lists runs with prompt@version, dataset, model, status, pass rate and the simulated flag', async () => {
    await page.goto(`${web.url}/experiments`);
    const table = page.getByTestId('experiments-table');
    const candidate = table.getByRole('row', { name: /candidate v2/ });
    await candidate.waitFor();
    const text = await candidate.textContent();
    expect(text).toContain('extractor@v2');
    expect(text).toContain('pages v1');
    expect(text).toContain('sim:schemaorg');
    expect(text).toContain('completed');
    // 7 of the 11 items with a verdict pass (page 11's call failed).
    expect(text).toContain('63.6%');
    expect(await table.getByTestId('simulated-badge').count()).toBe(2);
    expect(await page.getByTestId('simulated-notice').count()).toBe(1);
    expect(await table.getByRole('row', { name: /baseline v1/ }).textContent()).toContain('50.0%');
    await screenshot(page, 'experiments-list');

    await page.getByLabel('Prompt').fill('nothing-like-this');
    await page.getByLabel('Prompt').press('Enter');
    await expect.poll(() => page.getByText('No experiments match').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('promptName')).toBe('nothing-like-this');
    expect(problems).toEqual([]);
  });

  it('shows a run: summary, per-criterion pass rates, items with outputs and verdicts', async () => {
    await page.goto(`${web.url}/experiments/${seeded.candidateId}`);
    await page.getByTestId('experiment-summary').waitFor();
    expect(await page.getByTestId('simulated-notice').count()).toBe(1);
    expect(await page.getByTestId('summary-pass-rate').textContent()).toContain('63.6%');
    const context = page.getByTestId('criteria-table').getByRole('row', { name: /^context/ });
    // context: pages 4 and 5 still fail, page 11 has no verdict: 9 of 11.
    expect(await context.textContent()).toContain('81.8%');
    const items = page.getByTestId('experiment-items');
    const broken = items.getByRole('row', { name: new RegExp(pageId(BROKEN_PAGES[0])) });
    expect(await broken.textContent()).toContain(`"@type": "${WRONG_TYPE}"`);
    expect(await broken.textContent()).toContain('main-type: failed');
    const failedCall = items.getByRole('row', { name: new RegExp(pageId(11)) });
    expect(await failedCall.textContent()).toContain('call error');
    await screenshot(page, 'experiment-page');

    await page.getByLabel('Failed criterion').selectOption('main-type');
    await expect.poll(() => items.getByRole('row').count()).toBe(1 + BROKEN_PAGES.length);
    expect(problems).toEqual([]);
  });

  it('compares two runs: per-criterion Δ and CI, fixed and broken items, an item output diff', async () => {
    await page.goto(`${web.url}/experiments/compare`);
    await page.getByLabel('Baseline').selectOption(seeded.baselineId);
    await page.getByLabel('Candidate').selectOption(seeded.candidateId);
    const table = page.getByTestId('comparison-table');
    await table.waitFor();
    expect(await page.getByTestId('simulated-notice').count()).toBe(1);
    const rows = table.getByTestId('comparison-row');
    expect(await rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-criterion')))).toEqual([
      'overall',
      'json-only',
      'context',
      'main-type',
    ]);
    const context = table.locator('[data-criterion="context"]');
    // 5 of 11 → 9 of 11: +36.4 points, +80% relative; four fixed, none broken.
    expect(await context.getByTestId('delta').textContent()).toBe('+36.4 pp');
    expect(await context.textContent()).toContain('+80.0%');
    expect(await context.getByTestId('ci').textContent()).toMatch(/^\[\+?-?\d+\.\d pp, \+\d+\.\d pp\]$/);
    const mainType = table.locator('[data-criterion="main-type"]');
    expect(await mainType.getByTestId('delta').textContent()).toBe('-18.2 pp');
    const overall = table.locator('[data-criterion="overall"]');
    expect(await overall.getByTestId('delta').textContent()).toBe('+18.2 pp');
    expect(await overall.textContent()).toContain('not significant');

    const fixedIds = await page.getByTestId('fixed-items').locator('tbody tr td:first-child').allTextContents();
    expect(fixedIds).toEqual(FIXED_PAGES.map(pageId));
    const brokenIds = await page.getByTestId('broken-items').locator('tbody tr td:first-child').allTextContents();
    expect(brokenIds).toEqual(BROKEN_PAGES.map(pageId));
    await screenshot(page, 'experiments-compare');

    // A broken item's output diff: the @type line changed, the rest did not.
    const brokenId = pageId(BROKEN_PAGES[0]);
    const expectedType = seeded.pages[BROKEN_PAGES[0]]?.type ?? '';
    await page
      .getByTestId('broken-items')
      .getByRole('row', { name: new RegExp(brokenId) })
      .getByRole('link')
      .click();
    const diff = page.getByTestId('item-output-diff');
    await diff.waitFor();
    expect(new URL(page.url()).searchParams.get('item')).toBe(brokenId);
    const inline = diff.locator('.diff-inline');
    expect(await inline.locator('.diff-removed').allTextContents()).toEqual([`-   "@type": "${expectedType}",`]);
    expect(await inline.locator('.diff-added').allTextContents()).toEqual([`+   "@type": "${WRONG_TYPE}",`]);
    expect(await diff.getByRole('row', { name: /main-type/ }).textContent()).toContain(`expected ${expectedType}`);
    await screenshot(page, 'experiments-compare-item-diff');
    await diff.getByRole('button', { name: 'Side by side' }).click();
    const changed = diff.locator('.diff-split tr').filter({ hasText: WRONG_TYPE });
    expect(await changed.locator('td').allTextContents()).toEqual([
      `  "@type": "${expectedType}",`,
      `  "@type": "${WRONG_TYPE}",`,
    ]);

    // Per criterion: the context row lists its four fixed items and no broken one.
    await context.getByRole('link', { name: 'items' }).click();
    await expect.poll(() => page.getByTestId('broken-items').textContent()).toContain('Broken (0)');
    expect(await page.getByTestId('fixed-items').locator('tbody tr').count()).toBe(FIXED_PAGES.length);
    expect(problems).toEqual([]);
  });
});
