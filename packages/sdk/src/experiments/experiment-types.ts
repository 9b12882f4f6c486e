// Options, progress and result of runExperiment: a prompt version run over a dataset with a model and a checklist.
import type { Checklist, ModelPort, PriceTable } from '@kaizen/core';
import type { ResolveModelOptions, RetryOptions } from '@kaizen/models';
import type { DatasetSplit } from './dataset-api-types.js';
import type { ExperimentWithItems } from './experiment-api-types.js';

export interface RunExperimentOptions {
  readonly promptName: string;
  readonly promptVersion: number;
  readonly dataset: string;
  /** Default: the latest version. */
  readonly datasetVersion?: number;
  /** Only this split's items; every item when omitted or null. */
  readonly split?: DatasetSplit | null;
  /** Compiled once for the whole run. */
  readonly checklist: Checklist;
  /** The checklist's name in kaizen.config.ts `evaluators`; default `checklist.name`. */
  readonly evaluator?: string;
  /** `provider:model`; default the version's own model, else `defaultModel`. */
  readonly model?: string;
  /** Used when neither `model` nor the version names one (kaizen.config.ts `model`). */
  readonly defaultModel?: string;
  /** `provider:model` answering `llm_judge` criteria (kaizen.config.ts `judgeModel`). */
  readonly judgeModel?: string;
  /** A judge port to use instead of one built from `judgeModel` (tests, custom adapters). */
  readonly judge?: ModelPort;
  /** Items (model call + evaluation) in flight at once. Default 4. */
  readonly concurrency?: number;
  /** Answers of unchanged requests come from the server's response cache. Default true. */
  readonly cache?: boolean;
  /** Retries of transient model failures (429, 5xx, timeouts), with backoff; callModel's defaults otherwise. */
  readonly retry?: Partial<RetryOptions>;
  /** Per model-call attempt. */
  readonly timeoutMs?: number;
  readonly prices?: PriceTable;
  readonly resolve?: ResolveModelOptions;
  /** A name to find the run by. */
  readonly name?: string;
  readonly onProgress?: (progress: ExperimentProgress) => void;
}

/**
 * @example
 * onProgress: ({ phase, done, total, cached }) => bar.update(done, `${cached} cached`)
 */
export interface ExperimentProgress {
  /** `running` while items are processed; `saving` while they are stored. */
  readonly phase: 'running' | 'saving';
  readonly total: number;
  readonly done: number;
  /** Items whose model call failed. */
  readonly failed: number;
  /** Items answered from the cache. */
  readonly cached: number;
}

/** The stored experiment, with its items. */
export type ExperimentRun = ExperimentWithItems;
