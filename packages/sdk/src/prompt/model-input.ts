// The model a prompt runs on: a `provider:model` string or an AI SDK language model object.
import type { CallModelOptions } from '@kaizen/models';

/**
 * `'openai:gpt-4o-mini'`, `'anthropic:claude-sonnet-4-5'`, `'sim:schemaorg'`, or an AI SDK model such as
 * `openai('gpt-4o-mini')` or a `MockLanguageModelV3` in tests.
 *
 * @example
 * const model: ModelInput = 'sim:schemaorg';
 */
export type ModelInput = CallModelOptions['model'];
