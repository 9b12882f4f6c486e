// The prompt pages in a real browser: the list, a diff between two versions inline and side by side, promote with
// an in-page confirmation (cancel leaves the label alone; confirm moves it, checked through the API) and rollback.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, signIn } from './support/browser.js';
import { labelVersion, PROMPT, SYSTEM_LINES, seedPrompt } from './support/seed-prompts.js';
import { apiRequest, startWebServer, type WebServer } from './support/web-server.js';

interface History {
  readonly items: readonly {
    kind: string;
    label: string;
    fromVersion: number | null;
    toVersion: number;
    actor: string | null;
  }[];
}

describe('prompt pages', () => {
  let web: WebServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    web = await startWebServer();
    browser = await launchBrowser();
    await seedPrompt(web);
    ({ page, problems } = await openPage(browser));
    await signIn(page, web.url, web.key);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('lists prompts with their version count and labels', async () => {
    await page.goto(`${web.url}/prompts`);
    const row = page.getByTestId('prompts-table').getByRole('row', { name: new RegExp(PROMPT) });
    await expect.poll(() => row.textContent()).toContain('production → v2');
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells[1]).toBe('3');
    expect(cells[2]).toContain('staging → v3');
    await screenshot(page, 'prompts-list');
    await row.getByRole('link', { name: PROMPT }).click();
    await page.getByTestId('versions-table').waitFor();
    expect(problems).toEqual([]);
  });

  it('shows the diff between two versions inline and side by side', async () => {
    await page.goto(`${web.url}/prompts/${PROMPT}`);
    await page.getByLabel('From version').selectOption('1');
    await page.getByLabel('To version').selectOption('2');
    expect(new URL(page.url()).searchParams.get('from')).toBe('1');
    const diff = page.getByTestId('template-diff');
    const inline = diff.locator('.diff-inline');
    await expect.poll(() => inline.locator('.diff-removed').allTextContents()).toContain(`- ${SYSTEM_LINES[1]}`);
    expect(await inline.locator('.diff-added').allTextContents()).toContain(`+ ${SYSTEM_LINES[2]}`);
    // The params changed too, and are listed with the other fields.
    expect(await page.getByTestId('field-changes').textContent()).toContain('maxOutputTokens');
    await screenshot(page, 'prompt-diff-inline');

    await diff.getByRole('button', { name: 'Side by side' }).click();
    const changed = diff.locator('.diff-split tr').filter({ hasText: SYSTEM_LINES[2] });
    const cells = await changed.locator('td').allTextContents();
    expect(cells).toEqual([SYSTEM_LINES[1], SYSTEM_LINES[2]]);
    await screenshot(page, 'prompt-diff-side-by-side');

    // Any two versions: v3 against v1, picked in the other order.
    await page.getByLabel('From version').selectOption('3');
    await page.getByLabel('To version').selectOption('1');
    await expect
      .poll(() => page.getByTestId('template-diff').locator('.diff-removed').allTextContents())
      .toContain(`- ${SYSTEM_LINES[3]}`);
    expect(problems).toEqual([]);
  });

  it('shows a version content: messages as text, model and params', async () => {
    await page.goto(`${web.url}/prompts/${PROMPT}?version=2`);
    const content = page.getByTestId('version-content');
    await expect.poll(() => content.getByTestId('template-message').first().textContent()).toContain(SYSTEM_LINES[2]);
    const text = await content.textContent();
    expect(text).toContain('sim:schemaorg');
    expect(text).toContain('"maxOutputTokens": 800');
    expect(await content.getByTestId('template-message').nth(1).textContent()).toBe('{{html}}');
    expect(problems).toEqual([]);
  });

  it('promotes a version after an in-page confirmation, and rolls it back', async () => {
    await page.goto(`${web.url}/prompts/${PROMPT}`);
    const panel = page.getByTestId('label-panel');
    await panel.getByLabel('Environment').fill('production');
    await panel.getByLabel('Version to promote').selectOption('3');
    await panel.getByRole('button', { name: 'Promote…' }).click();
    const confirm = page.getByTestId('confirm-panel');
    expect(await confirm.getByTestId('confirm-message').textContent()).toContain('production will point at v3');
    // Nothing moves before the confirmation; cancel closes it.
    expect(await labelVersion(web, PROMPT, 'production')).toBe(2);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await labelVersion(web, PROMPT, 'production')).toBe(2);

    await panel.getByRole('button', { name: 'Promote…' }).click();
    await confirm.getByLabel('Who (for the audit log)').fill('e2e-tester');
    await screenshot(page, 'prompt-promote-confirm');
    await confirm.getByRole('button', { name: 'Promote to production' }).click();
    await expect.poll(() => page.getByTestId('label-result').textContent()).toContain('production now points at v3');
    expect(await labelVersion(web, PROMPT, 'production')).toBe(3);
    const labels = page.getByTestId('labels-table').getByRole('row', { name: /production/ });
    await expect.poll(() => labels.textContent()).toContain('v3');
    const history = page.getByTestId('history-table');
    await expect.poll(() => history.getByRole('row').nth(1).textContent()).toContain('e2e-tester');

    await page.getByRole('button', { name: 'Roll back production…' }).click();
    expect(await confirm.getByTestId('confirm-message').textContent()).toContain('from v3 to v2');
    expect(await labelVersion(web, PROMPT, 'production')).toBe(3);
    await confirm.getByRole('button', { name: 'Roll back production' }).click();
    await expect.poll(() => page.getByTestId('label-result').textContent()).toContain('production now points at v2');
    expect(await labelVersion(web, PROMPT, 'production')).toBe(2);
    const audit = await apiRequest<History>(web, `/api/prompts/${PROMPT}/history?label=production`);
    expect(audit.items[0]).toMatchObject({ kind: 'rollback', fromVersion: 3, toVersion: 2, actor: 'e2e-tester' });
    expect(audit.items[1]).toMatchObject({ kind: 'promote', fromVersion: 2, toVersion: 3, actor: 'e2e-tester' });
    await expect.poll(() => history.getByRole('row').nth(1).textContent()).toContain('rollback');
    await screenshot(page, 'prompt-page');
    expect(problems).toEqual([]);
  });
});
