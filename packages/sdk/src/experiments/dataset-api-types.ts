// Shapes of the dataset API (docs/api/datasets-experiments.md), as the client sends and receives them.
import type { SplitSettings } from '@kaizen/core';

// The item, version and list shapes are core's, shared with the store and the web app.
export type {
  DatasetDetails,
  DatasetInput,
  DatasetItem,
  DatasetItemInput,
  DatasetItemPage,
  DatasetSource,
  DatasetSplit,
  DatasetSummary,
  DatasetVersion,
  SplitSettings,
} from '@kaizen/core';

/**
 * Which traces a dataset is drawn from: the filters of `GET /api/traces` plus score filters; a prompt is required.
 *
 * @example
 * const view: TraceViewFilter = { environment: 'production', promptName: 'extractor', label: 'fail', evaluator: 'extractor' };
 */
export interface TraceViewFilter {
  readonly promptName: string;
  readonly environment?: string;
  readonly promptVersion?: string;
  readonly model?: string;
  readonly status?: 'ok' | 'error';
  readonly from?: string;
  readonly to?: string;
  readonly q?: string;
  readonly label?: string;
  readonly passed?: boolean;
  readonly failedCriterion?: string;
  readonly evaluator?: string;
}

/**
 * @example
 * const strategy: SampleStrategy = 'stratified-criterion';
 */
export type SampleStrategy = 'random' | 'recent' | 'stratified-label' | 'stratified-criterion';

/**
 * @example
 * await api.datasets.createFromTraces('failures', { filter: view, sample: { strategy: 'recent', size: 200 } });
 */
export interface FromTracesInput {
  readonly filter: TraceViewFilter;
  readonly sample?: { readonly strategy?: SampleStrategy; readonly size?: number; readonly seed?: number };
  readonly splits?: Partial<SplitSettings>;
  readonly message?: string;
}

/**
 * @example
 * const format: DatasetFileFormat = 'csv';
 */
export type DatasetFileFormat = 'jsonl' | 'csv' | 'json';

/**
 * A dataset file's text, uploaded as is (the server parses it and names the bad line).
 *
 * @example
 * await api.datasets.importFile('pages', { content: readFileSync('pages.csv', 'utf8'), format: 'csv', seed: 7 });
 */
export interface ImportFileInput {
  readonly content: string;
  readonly format: DatasetFileFormat;
  readonly seed?: number;
  /** Train, validation and holdout fractions. */
  readonly fractions?: readonly [number, number, number];
  readonly message?: string;
  /** The file's name, kept as provenance. */
  readonly file?: string;
}
