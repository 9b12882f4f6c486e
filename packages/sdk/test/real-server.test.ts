// The SDK against the real Kaizen server over SQLite: spans from generate and from the example app, read back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { init, type KaizenClient, prompt } from '../src/index.js';
import { mockModel } from './support/mock-model.js';
import { recordingLogger, resetOtelGlobals } from './support/otel-globals.js';
import { type RealKaizen, startRealKaizen } from './support/real-kaizen-server.js';

const summary = prompt('summary', {
  template: [
    { role: 'system', content: 'Summarise in one sentence.' },
    { role: 'user', content: '{{text}}' },
  ],
  variables: z.object({ text: z.string() }),
});

let kaizen: RealKaizen;
let client: KaizenClient;

beforeEach(async () => {
  resetOtelGlobals();
  kaizen = await startRealKaizen();
  client = init({ url: kaizen.url, apiKey: kaizen.apiKey, environment: 'staging', logger: recordingLogger() });
});
afterEach(async () => {
  await client.shutdown();
  resetOtelGlobals();
  await kaizen.close();
});

describe('against the real server', () => {
  it('stores the prompt span with prompt, environment, variables, messages, output and tokens counted once', async () => {
    const result = await summary.generate(client, { text: 'A long text.' }, { model: mockModel('Short.') });
    await client.shutdown();

    const { spans } = await client.api.getTrace(result.traceId);
    expect(spans.map((span) => span.name).sort()).toEqual([
      'ai.generateText',
      'ai.generateText.doGenerate',
      'prompt summary',
    ]);
    const span = spans.find((item) => item.name === 'prompt summary');
    expect(span).toMatchObject({
      kind: 'llm',
      status: 'ok',
      promptName: 'summary',
      environment: 'staging',
      model: 'mock-1',
      inputTokens: 12,
      outputTokens: 7,
      input: [
        { role: 'system', content: 'Summarise in one sentence.' },
        { role: 'user', content: 'A long text.' },
      ],
      output: [{ role: 'assistant', content: 'Short.' }],
    });
    expect(JSON.parse(String(span?.attributes['kaizen.prompt.variables']))).toEqual({ text: 'A long text.' });
    const { items } = await client.api.listTraces({ environment: 'staging', promptName: 'summary' });
    expect(items).toEqual([expect.objectContaining({ traceId: result.traceId, inputTokens: 12, outputTokens: 7 })]);
  });
});
