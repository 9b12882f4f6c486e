// Shapes of the dataset API (docs/api/datasets-experiments.md), as the client sends and receives them.
import type { DatasetItem, DatasetSplit, SplitSettings } from '@kaizen/core';

// The item shapes are core's, shared with the store.
export type { DatasetInput, DatasetItem, DatasetItemInput, DatasetSplit, SplitSettings } from '@kaizen/core';

/**
 * @example
 * const version: DatasetVersion = await api.datasets.getVersion('pages', 'latest');
 * version.splitCounts.validation; // 18
 */
export interface DatasetVersion {
  readonly name: string;
  readonly version: number;
  readonly itemCount: number;
  readonly splitCounts: Readonly<Record<DatasetSplit, number>>;
  readonly splits: SplitSettings;
  /** Provenance: `{ kind: 'traces', filter, sample, matched, skipped }` or `{ kind: 'import', format, file? }`. */
  readonly source: Readonly<Record<string, unknown>> & { readonly kind: 'traces' | 'import' };
  readonly message: string | null;
  readonly createdAt: string;
}

/**
 * @example
 * const { items } = await api.datasets.list(); // [{ name: 'pages', latestVersion: 3, itemCount: 92, … }]
 */
export interface DatasetSummary {
  readonly name: string;
  readonly latestVersion: number;
  readonly itemCount: number;
  readonly versions: number;
  readonly updatedAt: string;
}

/**
 * @example
 * const { versions } = await api.datasets.get('pages'); // newest first
 */
export interface DatasetDetails {
  readonly name: string;
  readonly versions: readonly DatasetVersion[];
}

/**
 * @example
 * const page: DatasetItemPage = await api.datasets.listItems('pages', 2, { split: 'validation', limit: 100 });
 */
export interface DatasetItemPage {
  readonly version: number;
  readonly items: readonly DatasetItem[];
  readonly nextCursor: string | null;
}

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
