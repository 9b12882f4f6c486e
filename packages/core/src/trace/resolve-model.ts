// Picks the model and provider of a span from whichever convention reported them.
import type { Attributes } from './otlp-span.js';
import { asRecord, asText, field, firstText, readJson } from './read-attributes.js';

/**
 * Langfuse's order: an explicit Langfuse model first, then the model that answered over the model asked for (a
 * dated snapshot prices and compares more precisely than an alias), then OpenInference's fields.
 */
const MODEL_KEYS = [
  'langfuse.observation.model.name',
  'gen_ai.response.model',
  'ai.model.id',
  'gen_ai.request.model',
  'llm.response.model',
  'llm.model_name',
  'embedding.model_name',
] as const;

/**
 * The model name, or null. Falls back to `model` inside OpenInference's `llm.invocation_parameters` JSON, the only
 * place the request model appears when `llm.model_name` is missing.
 *
 * @example
 * resolveModel({ 'gen_ai.request.model': 'gpt-4o', 'gen_ai.response.model': 'gpt-4o-2024-08-06' }); // 'gpt-4o-2024-08-06'
 */
export function resolveModel(attributes: Attributes): string | null {
  const model = firstText(attributes, MODEL_KEYS);
  if (model !== undefined) return model;
  const parameters = asRecord(readJson(field(attributes, 'llm.invocation_parameters')));
  return (parameters !== undefined ? asText(field(parameters, 'model')) : undefined) ?? null;
}

const PROVIDER_KEYS = ['gen_ai.provider.name', 'gen_ai.system', 'llm.provider', 'llm.system'] as const;

/** Values renamed in GenAI semconv 1.37 (`gen_ai.system` → `gen_ai.provider.name`), mapped to the current names. */
const RENAMED_PROVIDERS: Readonly<Record<string, string>> = {
  vertex_ai: 'gcp.vertex_ai',
  gemini: 'gcp.gemini',
  xai: 'x_ai',
  'az.ai.openai': 'azure.ai.openai',
  'az.ai.inference': 'azure.ai.inference',
};

/**
 * The provider, lowercase, or null. The AI SDK reports a provider id with the API after a dot (`openai.chat`,
 * `anthropic.messages`) in `ai.model.provider` and copies it to `gen_ai.system`; only the part before the dot names
 * the provider. Semconv names with dots (`aws.bedrock`, `gcp.vertex_ai`) are kept whole.
 *
 * @example
 * resolveProvider({ 'ai.model.provider': 'openai.chat', 'gen_ai.system': 'openai.chat' }); // 'openai'
 */
export function resolveProvider(attributes: Attributes): string | null {
  const aiSdkProvider = asText(field(attributes, 'ai.model.provider'));
  const raw = firstText(attributes, PROVIDER_KEYS) ?? aiSdkProvider;
  if (raw === undefined) return null;
  const provider = raw === aiSdkProvider ? (raw.split('.')[0] ?? raw) : raw;
  const lower = provider.trim().toLowerCase();
  return Object.hasOwn(RENAMED_PROVIDERS, lower) ? (RENAMED_PROVIDERS[lower] ?? lower) : lower;
}
