// prompt().generate: the span it records (read back from the real server), structured output errors, fallbacks.
// The registry API failing on demand is the one thing a stand-in does: the client's fetch, spans still go through.
import { createSimulatedModel } from '@kaizen/models/simulated';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { init, type KaizenClient, PromptOutputError, prompt } from '../src/index.js';
import { type FaultyFetch, faultyFetch } from './support/faulty-fetch.js';
import { failingModel, mockModel } from './support/mock-model.js';
import { recordingLogger, resetOtelGlobals } from './support/otel-globals.js';
import { type RealKaizen, startRealKaizen } from './support/real-kaizen-server.js';

const extractor = prompt('extractor', {
  template: [
    { role: 'system', content: 'Answer with JSON-LD only.' },
    { role: 'user', content: 'URL: {{url}}\n{{html}}' },
  ],
  variables: z.object({ html: z.string(), url: z.string() }),
  output: z.object({ '@type': z.string(), name: z.string() }),
});
const page = { html: '<h1>Desk lamp</h1>', url: 'https://shop.example/lamp' };

let kaizen: RealKaizen;
let faults: FaultyFetch;
let client: KaizenClient;
let logger: ReturnType<typeof recordingLogger>;

beforeEach(async () => {
  resetOtelGlobals();
  kaizen = await startRealKaizen();
  faults = faultyFetch();
  logger = recordingLogger();
  const { url, apiKey } = kaizen;
  client = init({ url, apiKey, environment: 'production', logger, fetch: faults.fetch });
});
afterEach(async () => {
  await client.shutdown();
  resetOtelGlobals();
  await kaizen.close();
});

async function spansOf(traceId: string) {
  await client.flush();
  const { spans } = await client.api.getTrace(traceId);
  const promptSpan = spans.find((span) => span.name === 'prompt extractor');
  return { spans, promptSpan };
}

describe('generate', () => {
  it('records the prompt span Kaizen reads: prompt, version, environment, variables, messages, output, tokens', async () => {
    const { version } = await extractor.push(client, { message: 'first' });
    await client.api.prompts.setLabel('extractor', 'production', version.version);
    const model = mockModel('{"@type":"Product","name":"Desk lamp"}');
    const result = await extractor.generate(client, page, { model, metadata: { sessionId: 's-1' } });

    expect(result.output).toEqual({ '@type': 'Product', name: 'Desk lamp' });
    expect(result.prompt).toMatchObject({ name: 'extractor', source: 'server', version: 1 });
    expect(result.usage).toMatchObject({ inputTokens: 12, outputTokens: 7 });
    expect(model.doGenerateCalls[0]?.responseFormat).toMatchObject({ type: 'json', schema: { type: 'object' } });

    const { spans, promptSpan } = await spansOf(result.traceId);
    expect(promptSpan).toMatchObject({
      spanId: result.spanId,
      kind: 'llm',
      status: 'ok',
      promptName: 'extractor',
      promptVersion: '1',
      environment: 'production',
      model: 'mock-1',
      inputTokens: 12,
      outputTokens: 7,
      input: [
        { role: 'system', content: 'Answer with JSON-LD only.' },
        { role: 'user', content: 'URL: https://shop.example/lamp\n<h1>Desk lamp</h1>' },
      ],
      output: [{ role: 'assistant', content: '{"@type":"Product","name":"Desk lamp"}' }],
    });
    expect(JSON.parse(String(promptSpan?.attributes['kaizen.prompt.variables']))).toEqual(page);
    expect(promptSpan?.attributes['kaizen.prompt.source']).toBe('server');
    expect(promptSpan?.durationMs).toBeGreaterThan(0);

    // The AI SDK's own spans nest under the prompt span, carry the environment, and are not counted twice.
    const generateSpan = spans.find((span) => span.name === 'ai.generateText');
    expect(generateSpan?.parentSpanId).toBe(result.spanId);
    expect(spans.every((span) => span.environment === 'production')).toBe(true);
    expect(spans.find((span) => span.name === 'ai.generateText.doGenerate')?.sessionId).toBe('s-1');
    const { items } = await client.api.listTraces();
    expect(items).toEqual([expect.objectContaining({ traceId: result.traceId, inputTokens: 12, outputTokens: 7 })]);
  });

  it('records output that breaks the schema on the span and throws a typed error', async () => {
    const notJson = extractor.generate(client, page, { model: mockModel('Sure! Here it is: {"@type"') });
    await expect(notJson).rejects.toSatisfy(
      (error) => PromptOutputError.isInstance(error) && error.kind === 'parse' && error.text.startsWith('Sure!'),
    );
    const safe = await extractor.safeGenerate(client, page, { model: mockModel('{"@type":"Product","name":3}') });
    expect(safe.success).toBe(false);
    if (safe.success) return;
    expect(safe.error).toMatchObject({ kind: 'schema', promptName: 'extractor', promptVersion: null });

    const { promptSpan } = await spansOf(safe.error.traceId);
    expect(promptSpan?.status).toBe('error');
    expect(promptSpan?.statusMessage).toMatch(/did not match schema/);
    expect(promptSpan?.attributes['kaizen.output.error']).toMatch(/did not match schema/);
    expect(promptSpan?.output).toEqual([{ role: 'assistant', content: '{"@type":"Product","name":3}' }]);
    expect(JSON.stringify(promptSpan?.attributes['kaizen.events'])).toContain('"exception.type":"PromptOutputError"');
  });

  it('runs the code template when the server is failing, and says so on the span', async () => {
    faults.failWith = 503;
    const texts = prompt('summary', { template: 'Summarise {{text}}', variables: z.object({ text: z.string() }) });
    const result = await texts.generate(client, { text: 'abc' }, { model: mockModel('A summary.') });
    expect(result.output).toBe('A summary.');
    expect(result.prompt).toMatchObject({ source: 'code', version: null, error: { code: 'unavailable' } });
    faults.failWith = null;
    await client.flush();
    const { spans } = await client.api.getTrace(result.traceId);
    const span = spans.find((item) => item.name === 'prompt summary');
    expect(span?.attributes['kaizen.prompt.source']).toBe('code');
    expect(span?.promptVersion).toBeNull();
  });

  it("falls back to the code's template when the labelled version needs variables the code does not have", async () => {
    const { version } = await client.api.prompts.pushVersion('extractor', { template: '{{html}} in {{language}}' });
    await client.api.prompts.setLabel('extractor', 'production', version.version);
    const result = await extractor.generate(client, page, { model: mockModel('{"@type":"Thing","name":"x"}') });
    expect(result.prompt).toMatchObject({ source: 'code', error: { code: 'invalid_input' } });
    expect(logger.warnings.at(-1)).toMatch(/version 1 cannot be rendered .*language.*; using the template in code/);
  });

  it('records provider failures on the span and rethrows them unchanged', async () => {
    const failing = extractor.generate(client, page, { model: failingModel('provider exploded') });
    await expect(failing).rejects.toThrow('provider exploded');
    await client.flush();
    const { items } = await client.api.listTraces();
    expect(items).toHaveLength(1);
    const { promptSpan } = await spansOf(items[0]?.traceId ?? '');
    expect(promptSpan?.status).toBe('error');
    expect(promptSpan?.attributes['kaizen.output.error']).toBeUndefined();
  });

  it("labels a simulated model's calls as simulated, with no cost", async () => {
    const jsonLd = prompt('extractor', {
      template: 'Answer with JSON only. Extract schema.org JSON-LD from this page.\nURL: {{url}}\n{{html}}',
      variables: z.object({ html: z.string(), url: z.string() }),
      output: z.looseObject({ '@type': z.string() }),
    });
    const result = await jsonLd.generate(client, page, { model: createSimulatedModel('schemaorg') });
    expect(result).toMatchObject({ simulated: true, costUsd: null, model: 'sim:schemaorg' });
    expect(typeof result.output['@type']).toBe('string');
    const { promptSpan } = await spansOf(result.traceId);
    expect(promptSpan?.attributes['kaizen.model.simulated']).toBe(true);
    expect(promptSpan?.costUsd).toBeNull();
  });

  it('needs a model from the options, the version or the definition', async () => {
    await expect(extractor.generate(client, page)).rejects.toThrow(/has no model: set one in prompt\(\)/);
  });
});
