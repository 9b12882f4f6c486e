// How the server turns a run's model strings into the models its ports call, and the defaults a run starts with.
import { type EvaluatePortOptions, resolveModel } from '@kaizen/models';

/** A `provider:model` string or an AI SDK model, as the ports take it. */
export type ModelRef = EvaluatePortOptions['model'];

export interface OptimizationOptions {
  /** The optimizer model of runs whose request names none (`optimizerModel` in kaizen.config.ts); default none. */
  readonly optimizerModel?: string;
  /**
   * Turns a `provider:model` string into the model the ports call; throws (`invalid_input`) for one that cannot be
   * used. Default: @kaizen/models' resolveModel, which reads API keys from the environment. Tests wrap it.
   */
  readonly resolveModel?: (spec: string) => ModelRef;
  /** Task-model calls in flight per run. Default 4. */
  readonly concurrency?: number;
  /** Deadline of one model call, retries included; default the models package's. */
  readonly timeoutMs?: number;
}

export const defaultResolveModel = (spec: string): ModelRef => resolveModel(spec);
