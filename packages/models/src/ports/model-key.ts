// The name a model is cached and reported under.
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { SIMULATED_PROVIDER } from '../simulated/create-simulated-model.js';

/**
 * A model string as given; an AI SDK model as `sim:<task>` (simulated) or `provider:modelId`. A simulated model
 * built with options should be given an explicit key naming them, or two configurations would share answers.
 * @example
 * modelKey('openai:gpt-4o-mini'); // 'openai:gpt-4o-mini'
 * modelKey(createSimulatedModel('schemaorg')); // 'sim:schemaorg'
 */
export function modelKey(model: string | LanguageModelV3): string {
  if (typeof model === 'string') return model;
  return model.provider === SIMULATED_PROVIDER ? model.modelId : `${model.provider}:${model.modelId}`;
}

/** Whether answers come from Kaizen's simulated model (results then measure machinery, not a real model). */
export function isSimulatedModelRef(model: string | LanguageModelV3): boolean {
  return typeof model === 'string' ? model.startsWith('sim:') : model.provider === SIMULATED_PROVIDER;
}
