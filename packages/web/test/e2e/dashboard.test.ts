// The dashboard in a real browser over seeded scored traces and a label move: score, pass rate and traffic charts
// with data points and release markers, grouping from the URL, and no trace ever listed (aggregates only).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, signIn } from './support/browser.js';
import { SEED_MODELS, type SeededScores, seedScoredTraces } from './support/seed-scores.js';
import { startWebServer, type WebServer } from './support/web-server.js';

const CHARTS = [
  'chart-score',
  'chart-pass-rate',
  'chart-traces',
  'chart-errors',
  'chart-input-tokens',
  'chart-output-tokens',
  'chart-cost',
  'chart-latency-avg',
  'chart-latency-p95',
];

/** The legend's names of a chart (shown when it has more than one series). */
const legend = (page: Page, chart: string) => page.getByTestId(chart).locator('.legend li').allTextContents();

describe('dashboard', () => {
  let web: WebServer;
  let browser: Browser;
  let seeded: SeededScores;
  beforeAll(async () => {
    web = await startWebServer();
    seeded = await seedScoredTraces(web, { traces: 240 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('draws score, pass rate, tokens, cost, latency and traffic with release markers, from aggregates only', async () => {
    const { page, problems } = await openPage(browser);
    page.setDefaultTimeout(10_000);
    await signIn(page, web.url, web.key);
    // Every API request of the dashboard (signing in lands on the traces page, which lists traces and polls).
    const requested: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      const from = new URL(request.headers().referer ?? 'http://x/').pathname;
      if (url.pathname.startsWith('/api/') && from === '/dashboard') requested.push(`${url.pathname}${url.search}`);
    });
    await page.goto(`${web.url}/dashboard?range=7d`);

    for (const chart of CHARTS) {
      await page.getByTestId(chart).locator('svg circle').first().waitFor();
    }
    // 240 traces over 3 days in day buckets: 4 buckets, and 8 days of the range drawn as 0 for counts.
    expect(await page.getByTestId('chart-score').locator('svg circle').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('chart-traces').locator('svg circle').count()).toBeGreaterThanOrEqual(7);
    expect(await page.getByTestId('chart-traces').locator('svg polyline').count()).toBe(1);
    expect(await page.getByTestId('dashboard-totals').textContent()).toContain('240');

    // Both label moves are markers on every chart, titled with the prompt, label and version.
    for (const chart of ['chart-score', 'chart-pass-rate', 'chart-traces', 'chart-latency-p95']) {
      const titles = await page.getByTestId(chart).locator('g.marker title').allTextContents();
      expect(titles).toEqual(seeded.releases);
    }
    expect(await page.getByTestId('dashboard-window').textContent()).toContain('2 releases');
    const listed = await page.getByTestId('dashboard-releases').locator('li').allTextContents();
    expect(listed.map((line) => line.replace(/^.* · /, ''))).toEqual(seeded.releases);
    // Every chart spans the whole window (empty buckets included), so the markers line up across charts.
    const firstTick = async (chart: string) => page.getByTestId(chart).locator('svg text.axis').nth(3).textContent();
    expect(await firstTick('chart-score')).toBe(await firstTick('chart-traces'));
    await screenshot(page, 'dashboard');

    // Group by model through the control: the URL carries it, each chart gets one series per model.
    await page.getByRole('combobox', { name: /^Group by/ }).selectOption('model');
    await expect.poll(() => new URL(page.url()).searchParams.get('groupBy')).toBe('model');
    await expect
      .poll(() => legend(page, 'chart-traces').then((names) => names.sort()))
      .toEqual([...SEED_MODELS].sort());
    await expect
      .poll(() => legend(page, 'chart-pass-rate').then((names) => names.sort()))
      .toEqual([...SEED_MODELS].sort());
    // The planted model's pass rate is the low one: its points' titles say so.
    const passTitles = await page.getByTestId('chart-pass-rate').locator('svg circle title').allTextContents();
    const passOf = (model: string) =>
      passTitles
        .filter((title) => title.startsWith(`${model} at`))
        .map((title) => Number(/: ([\d.]+)%/.exec(title)?.[1] ?? 'NaN'));
    expect(Math.max(...passOf('model-x'))).toBeLessThan(Math.min(...passOf('gpt-4o-mini')));
    await screenshot(page, 'dashboard-by-model');

    // Prompt versions (name@version on the metrics API) line up with score series filtered by prompt and version.
    await page.goto(`${web.url}/dashboard?range=7d&groupBy=promptVersion&environment=production`);
    await expect
      .poll(() => legend(page, 'chart-score'))
      .toEqual(expect.arrayContaining(['extractor v1', 'extractor v2']));
    await expect.poll(() => legend(page, 'chart-traces')).toEqual(['extractor v1', 'extractor v2']);
    expect(await page.getByRole('combobox', { name: /^Environment/ }).inputValue()).toBe('production');

    // A day in hours: the bucket follows the range.
    await page.getByRole('button', { name: '24h' }).click();
    await expect.poll(() => page.getByTestId('dashboard-window').textContent()).toContain('by hour');
    await page.getByTestId('chart-traces').locator('svg circle').first().waitFor();

    expect(requested.some((path) => path.startsWith('/api/metrics/timeseries'))).toBe(true);
    expect(requested.some((path) => path.startsWith('/api/scores/timeseries'))).toBe(true);
    expect(requested.filter((path) => /^\/api\/traces(\?|$|\/)/.test(path))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
