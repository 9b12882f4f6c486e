// Public surface of @kaizen/sdk: init() tracing, prompt() with typed variables and outputs, the API client.

export { KaizenError } from '@kaizen/core';
export * from './api/create-kaizen-api.js';
export type { DatasetsApi } from './api/datasets-api.js';
export { codeForStatus, errorFromResponse } from './api/error-from-response.js';
export type { CacheApi, ExperimentsApi } from './api/experiments-api.js';
export type { HttpOptions } from './api/http-request.js';
export type { OptimizationsApi } from './api/optimizations-api.js';
export type * from './api/optimizations-api-types.js';
export type * from './api/prompt-api-types.js';
export type { PromptsApi, ReadOptions } from './api/prompts-api.js';
export * from './client/init.js';
export * from './config/define-config.js';
export * from './experiments/index.js';
export * from './logger.js';
export type { PromptDefinition } from './prompt/code-content.js';
export * from './prompt/define-prompt.js';
export type { GenerateOptions, GenerateResult, SafeGenerateResult } from './prompt/generate-types.js';
export type { ModelInput } from './prompt/model-input.js';
export * from './prompt/prompt-cache.js';
export type * from './prompt/prompt-client.js';
export * from './prompt/prompt-output-error.js';
export type { PromptSource, ResolvedPrompt } from './prompt/resolve-prompt.js';
export * from './replay/index.js';
export type { TracingMode } from './tracing/install-tracing.js';
export { KaizenSpanProcessor } from './tracing/kaizen-span-processor.js';
