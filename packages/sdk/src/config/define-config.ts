// kaizen.config.ts: evaluators (checklists) and defaults, defined in code and typed.
import type { Checklist, PriceTable, RedactionConfig } from '@kaizen/core';

export interface KaizenConfig {
  /** Server URL; flags and KAIZEN_URL win over it. */
  readonly url?: string;
  /** Default environment for SDK clients and views. */
  readonly environment?: string;
  /** Default `provider:model` for experiments and replays when a prompt version names none. */
  readonly model?: string;
  /** `provider:model` answering LLM-judged criteria (`llm_judge`). */
  readonly judgeModel?: string;
  /** `provider:model` writing a short hypothesis per root cause in insight reports; default judgeModel. */
  readonly narrativeModel?: string;
  /**
   * `provider:model` proposing prompt edits by reflection in optimization runs (`kaizen optimize`) that name none;
   * without one, runs use the model-free edit operators only. Offline: `sim:optimizer`.
   */
  readonly optimizerModel?: string;
  /** Checklists by name: `kaizen eval --evaluator NAME`, online evaluation, release gates. */
  readonly evaluators?: Readonly<Record<string, Checklist>>;
  /** Overrides and additions to the built-in price table (USD per token). */
  readonly prices?: PriceTable;
  /**
   * Redaction of secrets and personal data at ingest (`kaizen serve`), before anything is stored. Default: on, with
   * secrets, bearer tokens, e-mail addresses and card numbers; `{ enabled: false }` stores spans as received.
   */
  readonly redaction?: RedactionConfig;
}

/**
 * Identity at run time; it gives the config file its types.
 *
 * @example
 * // kaizen.config.ts
 * import { defineConfig } from '@kaizen/sdk';
 * export default defineConfig({
 *   evaluators: {
 *     extractor: {
 *       name: 'extractor',
 *       passThreshold: 0.8,
 *       criteria: [
 *         { id: 'valid-json', description: 'Output is JSON', weight: 2, check: { kind: 'json_valid' } },
 *         { id: 'has-context', description: 'Has @context', weight: 1, check: { kind: 'contains', values: ['"@context"'] } },
 *       ],
 *     },
 *   },
 * });
 */
export function defineConfig(config: KaizenConfig): KaizenConfig {
  return config;
}
