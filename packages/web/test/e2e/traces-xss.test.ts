// Trace contents are untrusted: a trace whose span names, messages, output, attributes, model, environment, prompt
// name, status message, judge rationale and label note carry script tags, event-handler attributes and javascript:
// links is shown on the list and the trace page as literal text, and nothing of it executes or becomes markup.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelPort } from '@kaizen/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, signIn } from './support/browser.js';
import { genAiMessages, ingestTraces, newSpanId } from './support/seed-traces.js';
import { WEB_DIST } from './support/web-build.js';
import { apiRequest, startWebServer, type WebServer } from './support/web-server.js';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const JS_LINK = 'javascript:alert(1)';
const SVG = '"><svg onload=alert(1)>';

const ROOT_NAME = `${SCRIPT} ${SVG}`;
const MODEL = `gpt-4o${SVG}`;
const ENVIRONMENT = `prod${IMG}`;
const PROMPT = SCRIPT;
const PROMPT_VERSION = SVG;
const USER_TEXT = `${IMG} [click me](${JS_LINK}) <a href="${JS_LINK}">link</a>`;
const OUTPUT = { html: IMG, link: JS_LINK, svg: SVG, script: SCRIPT };
const ERROR = `${SCRIPT} failed`;
const RATIONALE = `${IMG} looks ${SVG} fine`;
const NOTE = `${SCRIPT} ${IMG} ${JS_LINK}`;
const EVALUATOR = 'xss-check';
const CRITERION = `${IMG}`;

/** A judge that answers yes with a rationale full of markup. */
const markupJudge: ModelPort = {
  async generate(request) {
    const prompt = request.messages.map((message) => message.content).join('\n');
    const ids = [...prompt.matchAll(/^\d+\. id "([^"]+)":/gm)].map((match) => match[1] as string);
    const answers = ids.map((id) => ({ id, answer: 'yes', rationale: RATIONALE }));
    return { text: JSON.stringify({ answers }), usage: null };
  },
};

/** The app's own <script> elements: those of the built index.html. */
const APP_SCRIPTS = (readFileSync(join(WEB_DIST, 'index.html'), 'utf8').match(/<script\b/g) ?? []).length;

async function injected(page: Page) {
  return page.evaluate(() => ({
    scripts: document.querySelectorAll('script').length,
    images: document.querySelectorAll('img[src="x"]').length,
    svgs: document.querySelectorAll('svg[onload], svg').length,
    handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
    javascriptLinks: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]').length,
  }));
}

async function expectNothingInjected(page: Page, problems: readonly string[]): Promise<void> {
  // A handler that runs (an onerror after a failed image load) would take a moment: give it one.
  await page.waitForTimeout(300);
  expect(await injected(page)).toEqual({ scripts: APP_SCRIPTS, images: 0, svgs: 0, handlers: 0, javascriptLinks: 0 });
  expect(problems).toEqual([]);
}

describe('untrusted trace contents', () => {
  let web: WebServer;
  let browser: Browser;
  let traceId: string;
  beforeAll(async () => {
    web = await startWebServer({ onlineEvaluation: { judge: markupJudge } });
    browser = await launchBrowser();
    const rootId = newSpanId();
    const now = Date.now() - 5_000;
    const prompt = { 'kaizen.prompt.name': PROMPT, 'kaizen.prompt.version': PROMPT_VERSION };
    [traceId] = (await ingestTraces(web, [
      {
        resource: { 'service.name': SCRIPT, 'deployment.environment.name': ENVIRONMENT },
        spans: [
          {
            spanId: rootId,
            name: ROOT_NAME,
            startMs: now,
            durationMs: 900,
            attributes: { 'gen_ai.operation.name': 'invoke_agent', 'app.link': JS_LINK, 'app.html': IMG, ...prompt },
          },
          {
            parentSpanId: rootId,
            name: JS_LINK,
            startMs: now + 10,
            durationMs: 50,
            attributes: {
              'gen_ai.operation.name': 'execute_tool',
              'gen_ai.tool.name': IMG,
              'gen_ai.tool.call.arguments': IMG,
              'gen_ai.tool.call.result': SVG,
            },
          },
          {
            parentSpanId: rootId,
            name: `chat ${IMG}`,
            startMs: now + 100,
            durationMs: 700,
            attributes: {
              'gen_ai.operation.name': 'chat',
              'gen_ai.request.model': MODEL,
              'gen_ai.usage.input_tokens': 40,
              'gen_ai.usage.output_tokens': 20,
              'gen_ai.input.messages': genAiMessages([
                { role: 'system', content: SCRIPT },
                { role: `user${SVG}`, content: USER_TEXT },
              ]),
              'gen_ai.output.messages': genAiMessages([{ role: 'assistant', content: JSON.stringify(OUTPUT) }]),
              ...prompt,
            },
            error: ERROR,
          },
        ],
      },
    ])) as [string];
    await apiRequest(web, '/api/evaluators', 'POST', {
      name: EVALUATOR,
      definition: {
        name: EVALUATOR,
        description: SCRIPT,
        passThreshold: 0.5,
        criteria: [
          { id: CRITERION, description: SCRIPT, weight: 1, check: { kind: 'llm_judge', question: `${SVG}?` } },
          { id: 'json', description: IMG, weight: 1, check: { kind: 'json_valid' } },
        ],
      },
    });
    await apiRequest(web, `/api/traces/${traceId}/scores`, 'POST', { evaluator: EVALUATOR });
    await apiRequest(web, `/api/traces/${traceId}/labels`, 'PUT', {
      evaluator: EVALUATOR,
      criterion: CRITERION,
      passed: false,
      note: NOTE,
      author: SVG,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('shows markup in the list as text and runs none of it', async () => {
    const { page, problems } = await openPage(browser);
    await signIn(page, web.url, web.key);
    await page.goto(`${web.url}/traces?live=off`);
    const table = page.getByTestId('trace-table');
    await table.waitFor();
    const text = (await table.textContent()) ?? '';
    for (const literal of [ROOT_NAME, MODEL, ENVIRONMENT, `${PROMPT}@${PROMPT_VERSION}`])
      expect(text).toContain(literal);
    expect(await page.getByText(ROOT_NAME, { exact: true }).isVisible()).toBe(true);
    const promptHref = await table.getByRole('link', { name: `${PROMPT}@${PROMPT_VERSION}` }).getAttribute('href');
    expect(promptHref).toMatch(/^\/prompts\/%3Cscript%3E/);
    await expectNothingInjected(page, problems);
    await screenshot(page, 'traces-xss-list');

    // The environment switcher and the search take the same values through the URL.
    await page.getByTestId('environment-tabs').getByRole('button', { name: ENVIRONMENT, exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('environment')).toBe(ENVIRONMENT);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await page.getByLabel('Search').fill(SCRIPT);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(SCRIPT);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await expectNothingInjected(page, problems);
  });

  it('shows markup on the trace page as text and runs none of it', async () => {
    const { page, problems } = await openPage(browser);
    await signIn(page, web.url, web.key);
    await page.goto(`${web.url}/traces?live=off`);
    await page.getByTestId('trace-table').getByRole('link', { name: ROOT_NAME }).click();
    await page.getByTestId('span-tree').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/traces/${traceId}`);

    const tree = (await page.getByTestId('span-tree').textContent()) ?? '';
    for (const literal of [ROOT_NAME, JS_LINK, `chat ${IMG}`, MODEL]) expect(tree).toContain(literal);
    expect(await page.getByTestId('trace-prompt').textContent()).toBe(`${PROMPT}@${PROMPT_VERSION}`);
    expect(await page.getByTestId('trace-totals').textContent()).toContain(ENVIRONMENT);

    await page.getByTestId('span-attributes').locator('summary').click();
    const attributes = (await page.getByTestId('span-attributes').textContent()) ?? '';
    expect(attributes).toContain(JSON.stringify(JS_LINK));
    expect(attributes).toContain(JSON.stringify(IMG));

    await page.getByTestId('span-row').filter({ hasText: JS_LINK }).click();
    await expect.poll(() => page.getByTestId('span-name').textContent()).toBe(JS_LINK);
    expect(await page.getByTestId('span-input').textContent()).toContain(IMG);
    expect(await page.getByTestId('span-output').textContent()).toContain(SVG);

    await page
      .getByTestId('span-row')
      .filter({ hasText: `chat ${IMG}` })
      .click();
    await expect.poll(() => page.getByTestId('span-name').textContent()).toBe(`chat ${IMG}`);
    expect(await page.getByTestId('span-status-message').textContent()).toBe(ERROR);
    const input = (await page.getByTestId('span-input').textContent()) ?? '';
    for (const literal of [SCRIPT, `user${SVG}`, USER_TEXT]) expect(input).toContain(literal);
    expect(await page.getByTestId('span-output').locator('pre').textContent()).toBe(JSON.stringify(OUTPUT, null, 2));
    expect(await page.getByText(USER_TEXT, { exact: true }).isVisible()).toBe(true);

    const card = page.getByTestId('evaluator-card');
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).toContain(RATIONALE);
    const results = (await card.textContent()) ?? '';
    for (const literal of [CRITERION, SCRIPT, NOTE, SVG]) expect(results).toContain(literal);
    await expectNothingInjected(page, problems);
    await screenshot(page, 'traces-xss-trace-page');
  });
});
