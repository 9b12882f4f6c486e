// The dashboard and insights pages over 100,000 scored traces: they render from aggregates (metrics and score time
// series, a stored report) without the browser ever listing traces.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, signIn } from './support/browser.js';
import { seedScoredTraces } from './support/seed-scores.js';
import { startWebServer, type WebServer } from './support/web-server.js';

const TRACES = 100_000;

describe('dashboard and insights over 100,000 traces', () => {
  let web: WebServer;
  let browser: Browser;
  beforeAll(async () => {
    web = await startWebServer();
    const started = Date.now();
    await seedScoredTraces(web, { traces: TRACES });
    console.log(`seeded ${TRACES} scored traces in ${Date.now() - started} ms`);
    browser = await launchBrowser();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('draws every chart from aggregates', async () => {
    const { page, problems } = await openPage(browser);
    page.setDefaultTimeout(30_000);
    await signIn(page, web.url, web.key);
    const requested: string[] = [];
    // Requests made by the dashboard (the traces page signing in lands on keeps polling for a moment).
    page.on('request', (request) => {
      if (new URL(request.headers().referer ?? 'http://x/').pathname === '/dashboard') {
        requested.push(new URL(request.url()).pathname);
      }
    });
    const started = Date.now();
    await page.goto(`${web.url}/dashboard?range=7d&groupBy=model`);
    for (const chart of ['chart-score', 'chart-pass-rate', 'chart-traces', 'chart-latency-p95']) {
      await page.getByTestId(chart).locator('svg circle').first().waitFor();
    }
    console.log(`dashboard drawn in ${Date.now() - started} ms`);
    expect(await page.getByTestId('dashboard-totals').textContent()).toContain('100.0k');
    await screenshot(page, 'dashboard-100k');
    expect(requested.filter((path) => path === '/api/traces')).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);

  it('computes and shows a root-cause report (the server reads at most 20,000 traces of the view)', async () => {
    const { page, problems } = await openPage(browser);
    page.setDefaultTimeout(120_000);
    await signIn(page, web.url, web.key);
    await page.goto(`${web.url}/insights`);
    const started = Date.now();
    await page.getByRole('form', { name: 'Compute a report' }).getByRole('button', { name: 'Compute' }).click();
    await page.waitForURL(/\/insights\/[0-9a-f-]{36}$/);
    await page.getByTestId('cause-1').waitFor();
    console.log(`report computed and drawn in ${Date.now() - started} ms`);
    expect(await page.getByTestId('insight-notes').textContent()).toContain('only the newest 20000 were analysed');
    expect(await page.getByTestId('cause-1-drivers').locator('tbody tr').first().textContent()).toContain('model-x');
    await screenshot(page, 'insight-report-100k');
    expect(problems).toEqual([]);
  }, 300_000);
});
