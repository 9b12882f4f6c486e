// The trace list and trace page in a real browser over a real server: browse, filter by environment and model,
// search, page through with the server's cursors (one page per request), open a trace (spans, messages, output,
// totals, checklist results), label a criterion, and see a trace ingested after the page loaded arrive live.
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, signIn } from './support/browser.js';
import {
  ingestTraces,
  SEED_EVALUATOR,
  type SeededTrace,
  seedJudge,
  seedTraceSpec,
  seedTraces,
} from './support/seed-traces.js';
import { apiRequest, startWebServer, type WebServer } from './support/web-server.js';

const rows = (page: Page) => page.getByTestId('trace-table').locator('tbody tr');
/** The cell texts of one column, by header. */
async function column(page: Page, header: string): Promise<string[]> {
  const headers = await page.getByTestId('trace-table').locator('thead th').allInnerTexts();
  const index = headers.indexOf(header);
  if (index < 0) throw new Error(`no column ${header} in ${headers.join(', ')}`);
  return rows(page)
    .locator(`td:nth-child(${index + 1})`)
    .allInnerTexts();
}
/** The trace ids of the rows, from their links. */
async function rowIds(page: Page): Promise<string[]> {
  const hrefs = await rows(page)
    .locator('td:nth-child(1) a')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.map((href) => href.replace('/traces/', ''));
}
/** Waits until the table shows `count` rows. */
async function waitForRows(page: Page, count: number): Promise<void> {
  await expect.poll(() => rows(page).count(), { timeout: 10_000 }).toBe(count);
}

describe('traces', () => {
  let web: WebServer;
  let browser: Browser;
  let traces: SeededTrace[];
  beforeAll(async () => {
    web = await startWebServer({ onlineEvaluation: { judge: seedJudge } });
    browser = await launchBrowser();
    ({ traces } = await seedTraces(web, { count: 24, scored: 6 }));
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('browses the list, switches environment, filters by model and searches, all in the URL', async () => {
    const { page, problems } = await openPage(browser);
    await signIn(page, web.url, web.key);
    await page.goto(`${web.url}/traces?live=off`);
    await waitForRows(page, 24);
    expect(await rowIds(page)).toEqual(traces.map((trace) => trace.traceId));
    const first = traces[0] as SeededTrace;
    const firstRow = await rows(page).first().textContent();
    for (const text of [first.environment, first.model, `${first.promptName}@${first.promptVersion}`, 'ok']) {
      expect(firstRow).toContain(text);
    }
    expect(
      await rows(page)
        .first()
        .getByRole('link', { name: /support-answer@/ })
        .getAttribute('href'),
    ).toBe(`/prompts/${first.promptName}?version=${first.promptVersion}`);
    await screenshot(page, 'traces-list');

    await page.getByTestId('environment-tabs').getByRole('button', { name: 'staging', exact: true }).click();
    const staging = traces.filter((trace) => trace.environment === 'staging');
    await waitForRows(page, staging.length);
    expect(new Set(await column(page, 'Environment'))).toEqual(new Set(['staging']));
    expect(new URL(page.url()).searchParams.get('environment')).toBe('staging');

    await page.getByLabel('Model').fill('gpt-4o');
    await page.getByRole('button', { name: 'Apply' }).click();
    const stagingGpt4o = staging.filter((trace) => trace.model === 'gpt-4o');
    expect(stagingGpt4o.length).toBeGreaterThan(0);
    await waitForRows(page, stagingGpt4o.length);
    expect(await rowIds(page)).toEqual(stagingGpt4o.map((trace) => trace.traceId));
    expect(new URL(page.url()).searchParams.get('model')).toBe('gpt-4o');
    await screenshot(page, 'traces-list-filtered');

    // The filters survive a reload: they are the URL.
    await page.reload();
    await waitForRows(page, stagingGpt4o.length);

    await page.getByTestId('environment-tabs').getByRole('button', { name: 'All', exact: true }).click();
    await page.getByLabel('Model').fill('');
    const target = traces[7] as SeededTrace;
    await page.getByLabel('Search').fill(target.orderNumber);
    await page.getByRole('button', { name: 'Apply' }).click();
    await waitForRows(page, 1);
    expect(await rowIds(page)).toEqual([target.traceId]);

    // A time range typed in UTC minutes, as the table shows times.
    await page.getByLabel('Search').fill('');
    const from = (traces[5] as SeededTrace).startTime.slice(0, 16);
    const to = (traces[1] as SeededTrace).startTime.slice(0, 16);
    await page.getByLabel('From (UTC)').fill(from);
    await page.getByLabel('To (UTC)').fill(to);
    await page.getByRole('button', { name: 'Apply' }).click();
    const inRange = traces.filter((trace) => trace.startTime >= `${from}:00.000Z` && trace.startTime < `${to}:00.000Z`);
    await waitForRows(page, inRange.length);
    expect(await rowIds(page)).toEqual(inRange.map((trace) => trace.traceId));
    expect(new URL(page.url()).searchParams.get('from')).toBe(`${from}:00.000Z`);
    await page.getByLabel('Time range').selectOption('all');
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBeNull();

    await page.getByLabel('Status').selectOption('error');
    await page.getByRole('button', { name: 'Apply' }).click();
    const failed = traces.filter((trace) => trace.status === 'error');
    await waitForRows(page, failed.length);
    expect(new Set(await column(page, 'Status'))).toEqual(new Set(['error']));
    expect(problems).toEqual([]);
  });

  it('pages through with the server cursors, never asking for more than one page', async () => {
    const { page, problems } = await openPage(browser);
    const listRequests: URL[] = [];
    page.on('request', (request: Request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/traces') listRequests.push(url);
    });
    await signIn(page, web.url, web.key);
    // The sign-in lands on the list at the default page size: counted from the page asked for.
    await page.getByTestId('trace-table').waitFor();
    listRequests.length = 0;
    await page.goto(`${web.url}/traces?limit=10&live=off`);
    await waitForRows(page, 10);
    const page1 = await rowIds(page);
    const next = page.getByTestId('trace-pager').getByRole('button', { name: 'Next' });
    const previous = page.getByTestId('trace-pager').getByRole('button', { name: 'Previous' });
    expect(await previous.isDisabled()).toBe(true);

    await next.click();
    await expect.poll(() => page.getByTestId('page-number').textContent()).toContain('Page 2');
    await waitForRows(page, 10);
    const page2 = await rowIds(page);
    await next.click();
    await expect.poll(() => page.getByTestId('page-number').textContent()).toContain('Page 3');
    await waitForRows(page, 4);
    const page3 = await rowIds(page);
    expect(await next.isDisabled()).toBe(true);
    expect([...page1, ...page2, ...page3]).toEqual(traces.map((trace) => trace.traceId));
    await screenshot(page, 'traces-list-page-3');

    // Reloading a deep page keeps its position and its way back.
    await page.reload();
    await waitForRows(page, 4);
    await previous.click();
    await expect.poll(() => page.getByTestId('page-number').textContent()).toContain('Page 2');
    await expect.poll(() => rowIds(page)).toEqual(page2);
    await previous.click();
    await expect.poll(() => page.getByTestId('page-number').textContent()).toContain('Page 1');
    await expect.poll(() => rowIds(page)).toEqual(page1);
    await page.goBack();
    await expect.poll(() => page.getByTestId('page-number').textContent()).toContain('Page 2');
    await expect.poll(() => rowIds(page)).toEqual(page2);

    expect(listRequests.length).toBeGreaterThan(0);
    for (const url of listRequests) expect(url.searchParams.get('limit')).toBe('10');
    expect(problems).toEqual([]);
  });

  it('shows a trace: span tree, messages, pretty-printed output, totals, prompt link and checklist results', async () => {
    const { page, problems } = await openPage(browser);
    await signIn(page, web.url, web.key);
    const trace = traces[0] as SeededTrace;
    await page.goto(`${web.url}/traces?live=off`);
    await rows(page).first().getByRole('link', { name: trace.name }).click();
    await page.getByTestId('span-tree').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/traces/${trace.traceId}`);

    const spanRows = page.getByTestId('span-row');
    await expect.poll(() => spanRows.count()).toBe(3);
    expect((await spanRows.allInnerTexts()).map((text) => text.split('\n')[0])).toEqual([
      expect.stringContaining('support-request'),
      expect.stringContaining('execute_tool lookup_order'),
      expect.stringContaining(`chat ${trace.model}`),
    ]);
    const totals = await page.getByTestId('trace-totals').textContent();
    expect(totals).toContain(trace.environment);
    expect(await page.getByTestId('trace-tokens').textContent()).toBe('145 (120 → 25)');
    expect(await page.getByTestId('trace-cost').textContent()).toMatch(/^\$0\.0000\d+$/);
    expect(await page.getByTestId('trace-latency').textContent()).toBe('300 ms');
    expect(await page.getByTestId('trace-prompt').getByRole('link').getAttribute('href')).toBe(
      `/prompts/${trace.promptName}?version=${trace.promptVersion}`,
    );

    await spanRows.filter({ hasText: `chat ${trace.model}` }).click();
    await expect.poll(() => page.getByTestId('span-name').textContent()).toBe(`chat ${trace.model}`);
    const input = await page.getByTestId('span-input').textContent();
    expect(input).toContain('system');
    expect(input).toContain(trace.question);
    // The assistant's JSON answer, pretty-printed.
    expect(await page.getByTestId('span-output').locator('pre').textContent()).toBe(
      JSON.stringify(JSON.parse(trace.answer ?? ''), null, 2),
    );
    expect(new URL(page.url()).searchParams.get('span')).not.toBeNull();
    expect(await page.getByTestId('span-attributes').getAttribute('open')).toBeNull();
    await page.getByTestId('span-attributes').locator('summary').click();
    expect(await page.getByTestId('span-attributes').textContent()).toContain('"gen_ai.request.model": "gpt-4o-mini"');

    const card = page.getByTestId('evaluator-card').filter({ hasText: SEED_EVALUATOR });
    await card.waitFor();
    const criterion = (id: string) => card.locator(`[data-criterion="${id}"]`);
    expect(await criterion('json').textContent()).toContain('passed');
    expect(await criterion('json').textContent()).toContain('The answer is JSON');
    expect(await criterion('helpful').getByTestId('criterion-rationale').textContent()).toBe(
      'It gives the order status.',
    );
    await screenshot(page, 'trace-page');
    expect(problems).toEqual([]);
  });

  it('shows a failed trace with its error and the judge rationale of a failed criterion', async () => {
    const { page, problems } = await openPage(browser);
    await signIn(page, web.url, web.key);
    // Index 1 apologises ("Sorry…"): the judge says no; index 3 failed with a provider error.
    const sorry = traces[1] as SeededTrace;
    await page.goto(`${web.url}/traces/${sorry.traceId}`);
    const helpful = page.getByTestId('evaluator-card').locator('[data-criterion="helpful"]');
    await expect.poll(() => helpful.textContent(), { timeout: 10_000 }).toContain('failed');
    expect(await helpful.getByTestId('criterion-rationale').textContent()).toBe(
      'The answer apologises instead of giving the status.',
    );
    const failed = traces[3] as SeededTrace;
    expect(failed.status).toBe('error');
    await page.goto(`${web.url}/traces/${failed.traceId}`);
    await page.getByTestId('span-row').filter({ hasText: 'chat' }).click();
    expect(await page.getByTestId('span-status-message').textContent()).toBe('429 rate limited by the provider');
    expect(await page.getByTestId('trace-totals').textContent()).toContain('error');
    expect(problems).toEqual([]);
  });

  it('labels a criterion pass/fail with a note, and the label persists', async () => {
    const { page, problems } = await openPage(browser);
    await signIn(page, web.url, web.key);
    const trace = traces[2] as SeededTrace;
    await page.goto(`${web.url}/traces/${trace.traceId}`);
    const row = page.getByTestId('evaluator-card').locator('[data-criterion="helpful"]');
    await row.waitFor();
    await row.getByRole('button', { name: 'Fail' }).click();
    await row.getByLabel('Note').fill('Says it is on its way but gives no date.');
    await row.getByRole('button', { name: 'Save label' }).click();
    await expect.poll(() => row.getByTestId('human-label').textContent(), { timeout: 10_000 }).toContain('fail');
    expect(await row.getByTestId('human-label').textContent()).toContain('Says it is on its way but gives no date.');

    const stored = await apiRequest<{ items: { criterionId: string; passed: boolean; note: string | null }[] }>(
      web,
      `/api/traces/${trace.traceId}/labels`,
    );
    expect(stored.items).toEqual([
      expect.objectContaining({
        evaluatorName: SEED_EVALUATOR,
        criterionId: 'helpful',
        passed: false,
        note: 'Says it is on its way but gives no date.',
      }),
    ]);

    // After a reload the label is shown and can be changed.
    await page.reload();
    await row.getByTestId('human-label').waitFor();
    expect(await row.getByRole('button', { name: 'Fail' }).getAttribute('aria-pressed')).toBe('true');
    await row.getByRole('button', { name: 'Pass' }).click();
    await row.getByRole('button', { name: 'Update label' }).click();
    await expect.poll(() => row.getByTestId('human-label').textContent(), { timeout: 10_000 }).toContain('pass');
    const updated = await apiRequest<{ items: { passed: boolean }[] }>(web, `/api/traces/${trace.traceId}/labels`);
    expect(updated.items.map((item) => item.passed)).toEqual([true]);
    await screenshot(page, 'trace-page-labelled');

    // A trace no evaluator scored can still be labelled, against an evaluator picked from the registry.
    const unscored = traces[10] as SeededTrace;
    await page.goto(`${web.url}/traces/${unscored.traceId}`);
    await page.getByText('No evaluator has scored this trace.').waitFor();
    await page.getByLabel('Label with another evaluator').selectOption(SEED_EVALUATOR);
    const card = page.getByTestId('evaluator-card');
    await expect.poll(() => card.locator('[data-criterion]').count()).toBe(4);
    expect(await card.textContent()).toContain('not scored on this trace');
    const json = card.locator('[data-criterion="json"]');
    await json.getByRole('button', { name: 'Pass' }).click();
    await json.getByRole('button', { name: 'Save label' }).click();
    await json.getByTestId('human-label').waitFor();
    const labelled = await apiRequest<{ items: { criterionId: string; passed: boolean; note: string | null }[] }>(
      web,
      `/api/traces/${unscored.traceId}/labels`,
    );
    expect(labelled.items).toEqual([expect.objectContaining({ criterionId: 'json', passed: true, note: null })]);
    expect(problems).toEqual([]);
  });

  it('shows traces ingested after the page loaded at the top, with a count, on the first page only', async () => {
    const { page, problems } = await openPage(browser);
    await signIn(page, web.url, web.key);
    await page.goto(`${web.url}/traces?limit=10`);
    await waitForRows(page, 10);
    const before = await rowIds(page);

    const [fresh] = await ingestTraces(web, [seedTraceSpec(500, Date.now()).spec]);
    await expect.poll(() => page.getByTestId('live-notice').textContent(), { timeout: 10_000 }).toBe('1 new trace');
    expect(await rowIds(page)).toEqual([fresh, ...before]);
    expect(await rows(page).first().getByText('new', { exact: true }).count()).toBe(1);

    const more = await ingestTraces(web, [
      seedTraceSpec(501, Date.now() + 1000).spec,
      seedTraceSpec(502, Date.now() + 2000).spec,
    ]);
    await expect.poll(() => page.getByTestId('live-notice').textContent(), { timeout: 10_000 }).toBe('3 new traces');
    expect(await rowIds(page)).toEqual([...more.reverse(), fresh, ...before]);
    await screenshot(page, 'traces-list-live');

    // Next still continues from the last row loaded: no trace skipped or repeated.
    await page.getByTestId('trace-pager').getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.getByTestId('page-number').textContent()).toContain('Page 2');
    await waitForRows(page, 10);
    const all = await apiRequest<{ items: { traceId: string }[] }>(web, '/api/traces?limit=100');
    const index = all.items.findIndex((item) => item.traceId === before.at(-1));
    expect(await rowIds(page)).toEqual(all.items.slice(index + 1, index + 11).map((item) => item.traceId));
    expect(await page.getByTestId('live-notice').textContent()).toContain('Live updates show on the first page');
    expect(problems).toEqual([]);
  });
});
