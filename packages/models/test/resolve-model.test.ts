// resolveModel against the replay server: keys and base URLs from the environment reach the real providers.
import { KaizenError } from '@kaizen/core';
import { generateText } from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveModel } from '../src/resolve-model.js';
import { interaction, loadRecording } from './wire/recording.js';
import { type ReplayServer, startReplayServer } from './wire/replay-server.js';

const responsesApi = interaction(loadRecording('openai/har_responses_api'), 0).response;
const chat = interaction(loadRecording('openai/har_chat'), 0).response;
const messages = interaction(loadRecording('anthropic/har_messages'), 0).response;

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function invalidInput(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (KaizenError.isInstance(error) && error.code === 'invalid_input') return error.message;
    throw error;
  }
  throw new Error('expected a KaizenError');
}

describe('resolveModel', () => {
  it('openai: reads OPENAI_API_KEY and OPENAI_BASE_URL, and uses the Responses API', async () => {
    server = await startReplayServer([responsesApi]);
    const model = resolveModel('openai:gpt-4o-mini', {
      env: { OPENAI_API_KEY: 'sk-env', OPENAI_BASE_URL: server.baseURL },
    });
    expect([model.provider, model.modelId]).toEqual(['openai.responses', 'gpt-4o-mini']);
    const result = await generateText({ model, prompt: 'Tell me a joke about OpenTelemetry' });
    expect(result.text).toContain('OpenTelemetry');
    expect(server.requests[0]).toMatchObject({ path: '/v1/responses', body: { model: 'gpt-4o-mini' } });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-env');
  });

  it('anthropic: reads ANTHROPIC_API_KEY; options.baseURL wins over ANTHROPIC_BASE_URL', async () => {
    server = await startReplayServer([messages]);
    const model = resolveModel('anthropic:claude-3-opus-20240229', {
      env: { ANTHROPIC_API_KEY: 'sk-ant', ANTHROPIC_BASE_URL: 'http://127.0.0.1:9/unreachable' },
      baseURL: server.baseURL,
    });
    const result = await generateText({ model, prompt: 'Tell me a joke about OpenTelemetry', maxOutputTokens: 1024 });
    expect(result.usage.inputTokens).toBe(17);
    expect(server.requests[0]?.path).toBe('/v1/messages');
    expect(server.requests[0]?.headers['x-api-key']).toBe('sk-ant');
  });

  it('openai-compatible: chat completions at the given base URL, model names with colons, optional key', async () => {
    server = await startReplayServer([chat, chat]);
    const keyless = resolveModel(`openai-compatible:${server.baseURL}:llama3.1:8b`, { env: {} });
    expect([keyless.provider, keyless.modelId]).toEqual(['openai-compatible.chat', 'llama3.1:8b']);
    await generateText({ model: keyless, prompt: 'Hi' });
    expect(server.requests[0]).toMatchObject({ path: '/v1/chat/completions', body: { model: 'llama3.1:8b' } });
    expect(server.requests[0]?.headers.authorization).toBeUndefined();

    const keyed = resolveModel(`openai-compatible:${server.baseURL}:llama3.1:8b`, {
      env: { OPENAI_COMPATIBLE_API_KEY: 'gateway-key' },
    });
    await generateText({ model: keyed, prompt: 'Hi' });
    expect(server.requests[1]?.headers.authorization).toBe('Bearer gateway-key');
  });

  it('sim: the simulated model, with no key and no network', () => {
    const model = resolveModel('sim:schemaorg', { env: {} });
    expect([model.provider, model.modelId]).toEqual(['kaizen-sim', 'sim:schemaorg']);
    expect(invalidInput(() => resolveModel('sim:chess', { env: {} }))).toContain('known: sim:schemaorg');
  });

  it('uses the injected fetch', async () => {
    const urls: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      urls.push(String(input instanceof Request ? input.url : input));
      return new Response(JSON.stringify(chat.json), { headers: { 'content-type': 'application/json' } });
    };
    const model = resolveModel('openai-compatible:http://gpu-box:8000/v1:Qwen/Qwen2.5-7B-Instruct', {
      env: {},
      fetch: fakeFetch,
    });
    await generateText({ model, prompt: 'Hi' });
    expect(urls).toEqual(['http://gpu-box:8000/v1/chat/completions']);
  });

  it('fails before any call when the key is missing or empty, naming the variable', () => {
    expect(invalidInput(() => resolveModel('openai:gpt-4o', { env: {} }))).toContain('set OPENAI_API_KEY');
    expect(
      invalidInput(() => resolveModel('anthropic:claude-haiku-4-5', { env: { ANTHROPIC_API_KEY: ' ' } })),
    ).toContain('set ANTHROPIC_API_KEY');
  });

  it('treats an empty base URL variable as unset', () => {
    const model = resolveModel('openai:gpt-4o', { env: { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: '' } });
    expect(model.modelId).toBe('gpt-4o');
  });

  it('rejects unknown providers and malformed specs', () => {
    expect(invalidInput(() => resolveModel('gemini:gemini-2.5-pro', { env: {} }))).toContain('unknown provider');
    expect(invalidInput(() => resolveModel('gpt-4o', { env: {} }))).toContain('sim:<task>');
  });
});
