// Sign-in with a project API key in a real browser: a wrong key is refused, a right one opens the app with an
// HttpOnly session cookie, sign-out ends the session.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, signIn } from './support/browser.js';
import { startWebServer, type WebServer } from './support/web-server.js';

describe('sign-in', () => {
  let web: WebServer;
  let browser: Browser;
  beforeAll(async () => {
    web = await startWebServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('refuses a wrong key, signs in with the right one and signs out', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(web.url);
    await page.getByLabel('Project API key').fill('kz_not_a_real_key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/invalid API key/);
    await screenshot(page, 'sign-in-refused');

    await signIn(page, web.url, web.key);
    expect(await page.getByTestId('project-name').textContent()).toBe(web.project.name);
    const cookie = (await page.context().cookies()).find((item) => item.name === 'kaizen_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    // The key typed into the form is not kept anywhere the page's scripts can read.
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + document.cookie)).not.toContain(web.key);
    await screenshot(page, 'signed-in');

    await page.reload();
    await page.getByTestId('project-name').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Project API key').waitFor();
    const after = await page.context().request.get(`${web.url}/api/session`);
    expect(after.status()).toBe(401);
    expect(problems).toEqual([]);
  });
});
