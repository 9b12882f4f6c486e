// Turns a `provider:model` string into an AI SDK language model: OpenAI, Anthropic, OpenAI-compatible servers, sim.
import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { KaizenError } from '@kaizen/core';
import { parseModelSpec } from './parse-model-spec.js';
import { createSimulatedModel, isSimulatedTask, SIMULATED_TASKS } from './simulated/index.js';

export interface ResolveModelOptions {
  /** Where API keys and base URLs are read from; defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Replaces global fetch (tests, proxies). */
  readonly fetch?: typeof fetch;
  /** Overrides the provider's base URL (and `OPENAI_BASE_URL`/`ANTHROPIC_BASE_URL`); not used by `sim:`. */
  readonly baseURL?: string;
}

function requireKey(env: ResolveModelOptions['env'], name: string, spec: string): string {
  const key = env?.[name]?.trim();
  if (key === undefined || key === '') {
    throw new KaizenError('invalid_input', `set ${name} to use "${spec}" (or use a sim:<task> model offline)`);
  }
  return key;
}

/** An empty variable means "not set": `OPENAI_BASE_URL=` in a .env file must not produce a relative URL. */
function setting(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * Keys are read and checked here, not at the first call, so a missing key fails before any work is done.
 *
 * @example
 * const model = resolveModel('anthropic:claude-sonnet-4-5');
 * const local = resolveModel('openai-compatible:http://localhost:11434/v1:llama3.1:8b');
 * const offline = resolveModel('sim:schemaorg');
 */
export function resolveModel(spec: string, options: ResolveModelOptions = {}): LanguageModelV3 {
  const parsed = parseModelSpec(spec);
  const env = options.env ?? process.env;
  const fetchOption = options.fetch !== undefined ? { fetch: options.fetch } : {};
  switch (parsed.provider) {
    case 'openai': {
      const baseURL = setting(options.baseURL) ?? setting(env.OPENAI_BASE_URL);
      const provider = createOpenAI({
        apiKey: requireKey(env, 'OPENAI_API_KEY', spec),
        ...(baseURL !== undefined ? { baseURL } : {}),
        ...fetchOption,
      });
      return provider(parsed.model);
    }
    case 'anthropic': {
      const baseURL = setting(options.baseURL) ?? setting(env.ANTHROPIC_BASE_URL);
      const provider = createAnthropic({
        apiKey: requireKey(env, 'ANTHROPIC_API_KEY', spec),
        ...(baseURL !== undefined ? { baseURL } : {}),
        ...fetchOption,
      });
      return provider(parsed.model);
    }
    case 'openai-compatible': {
      // Local servers (Ollama, vLLM, llama.cpp) usually need no key; a gateway in front of them may.
      const apiKey = setting(env.OPENAI_COMPATIBLE_API_KEY);
      const provider = createOpenAICompatible({
        name: 'openai-compatible',
        baseURL: setting(options.baseURL) ?? parsed.baseURL,
        ...(apiKey !== undefined ? { apiKey } : {}),
        // Without it streamed responses carry no usage, and Kaizen could not count tokens.
        includeUsage: true,
        // Ollama ≥ 0.5, vLLM and llama.cpp server accept `response_format: json_schema`.
        supportsStructuredOutputs: true,
        ...fetchOption,
      });
      return provider.chatModel(parsed.model);
    }
    case 'sim': {
      if (!isSimulatedTask(parsed.task)) {
        const known = Object.keys(SIMULATED_TASKS).map((task) => `sim:${task}`);
        throw new KaizenError('invalid_input', `unknown simulated task in "${spec}"; known: ${known.join(', ')}`);
      }
      return createSimulatedModel(parsed.task);
    }
  }
}
