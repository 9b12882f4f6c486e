// The dataset and experiment shapes shared by the store and the SDK's API client (one definition, no copies).
import type { ChecklistResult } from '../evaluation/results.js';
import type { Message } from '../trace/span.js';

export const DATASET_SPLITS = ['train', 'validation', 'holdout'] as const;
/**
 * @example
 * const split: DatasetSplit = 'validation';
 */
export type DatasetSplit = (typeof DATASET_SPLITS)[number];

/**
 * Template variables (an object), or the chat messages to send (an array: what a trace recorded when it had no
 * template variables).
 *
 * @example
 * const input: DatasetInput = { html: '<h1>Lentil curry</h1>' };
 */
export type DatasetInput = Readonly<Record<string, unknown>> | readonly Message[];

/**
 * An item as given to a new version: the split is computed from the seed unless set.
 *
 * @example
 * const item: DatasetItemInput = { itemId: 'p1', input: { html: '<p>Hi</p>' } };
 */
export interface DatasetItemInput {
  readonly itemId: string;
  readonly input: DatasetInput;
  /** The reference answer; absent when there is none (items from production never have one). */
  readonly expected?: unknown;
  readonly metadata?: Readonly<Record<string, unknown>>;
  readonly sourceTraceId?: string | null;
  /** Overrides the seeded split (an imported file may carry its own). */
  readonly split?: DatasetSplit;
}

/**
 * @example
 * const item: DatasetItem = { itemId: 'p1', input: { html }, metadata: {}, sourceTraceId: null, split: 'train' };
 */
export interface DatasetItem {
  readonly itemId: string;
  readonly input: DatasetInput;
  /** Absent when the item has no reference answer; JSON `null` is a reference answer. */
  readonly expected?: unknown;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly sourceTraceId: string | null;
  readonly split: DatasetSplit;
}

/**
 * Fractions of items per split, summing to 1, and the seed that assigns items to them.
 *
 * @example
 * const splits: SplitSettings = { seed: 7, train: 0.6, validation: 0.2, holdout: 0.2 };
 */
export interface SplitSettings {
  readonly seed: number;
  readonly train: number;
  readonly validation: number;
  readonly holdout: number;
}

/**
 * A criterion as an experiment ran it: enough to read results and compare runs without the checklist's code.
 *
 * @example
 * const criterion: ExperimentCriterion = { id: 'json', description: 'JSON only', weight: 2, kind: 'json_valid' };
 */
export interface ExperimentCriterion {
  readonly id: string;
  readonly description: string;
  readonly weight: number;
  readonly kind: string;
}

/**
 * One item's run: the output, the checklist's verdict, and what the call cost.
 *
 * @example
 * const item: ExperimentItemRun = { itemId: 'p1', output: '{…}', error: null, cached: true, result, inputTokens: 812,
 *   outputTokens: 95, costUsd: null, latencyMs: 3.1 };
 */
export interface ExperimentItemRun {
  readonly itemId: string;
  /** The model's answer; null when the call failed. */
  readonly output: string | null;
  /** Why the model call failed (after retries); the item then has no result. */
  readonly error: string | null;
  /** Answered from the response cache: no model call was made. */
  readonly cached: boolean;
  /** The checklist's verdict; null when the model call failed. */
  readonly result: ChecklistResult | null;
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly costUsd: number | null;
  readonly latencyMs: number | null;
}
