// The dataset pages in a real browser: the list, a dataset's versions with split counts, and its items a page at a
// time through the API cursor (forward and back), filtered by split.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, signIn } from './support/browser.js';
import { BULK_DATASET, DATASET, seedExperiments } from './support/seed-experiments.js';
import { startWebServer, type WebServer } from './support/web-server.js';

describe('dataset pages', () => {
  let web: WebServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    web = await startWebServer();
    browser = await launchBrowser();
    await seedExperiments(web);
    ({ page, problems } = await openPage(browser));
    await signIn(page, web.url, web.key);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('lists datasets and shows a version with its split counts and items as text', async () => {
    await page.goto(`${web.url}/datasets`);
    const row = page.getByTestId('datasets-table').getByRole('row', { name: new RegExp(`^${DATASET}`) });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual([DATASET, 'v1', '12', '1', expect.any(String)]);
    await screenshot(page, 'datasets-list');

    await row.getByRole('link', { name: DATASET }).click();
    const versions = page.getByTestId('dataset-versions');
    await versions.waitFor();
    // 8 train, 2 validation and 2 holdout pages, as the items say.
    expect(await versions.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining(['v1', '12', '8', '2', '2', 'schema.org fixture pages']),
    );
    const items = page.getByTestId('dataset-items');
    await expect.poll(() => items.getByRole('row').count()).toBe(13);
    const first = await items.getByRole('row').nth(1).textContent();
    expect(first).toContain('"html": "<!DOCTYPE html>');
    expect(first).toContain('"@type": "Product"');
    await screenshot(page, 'dataset-page');
    expect(problems).toEqual([]);
  });

  it('pages through items with the cursor and filters by split', async () => {
    await page.goto(`${web.url}/datasets/${BULK_DATASET}`);
    const pager = page.getByTestId('pager');
    const items = page.getByTestId('dataset-items');
    await expect.poll(() => pager.textContent()).toContain('1–50 of 120');
    expect(await items.getByRole('row').nth(1).textContent()).toContain('bulk-000');
    await pager.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => pager.textContent()).toContain('51–100 of 120');
    expect(await items.getByRole('row').nth(1).textContent()).toContain('bulk-050');
    await pager.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => pager.textContent()).toContain('101–120 of 120');
    expect(await pager.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    await pager.getByRole('button', { name: 'Previous' }).click();
    await expect.poll(() => pager.textContent()).toContain('51–100 of 120');

    await page.getByLabel('Split').selectOption('holdout');
    await expect.poll(() => pager.textContent()).toMatch(/^Previous1–\d+ of \d+Next$/);
    const splits = await items.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(new Set(splits)).toEqual(new Set(['holdout']));
    expect(new URL(page.url()).searchParams.get('split')).toBe('holdout');
    await screenshot(page, 'dataset-paged');
    expect(problems).toEqual([]);
  });
});
