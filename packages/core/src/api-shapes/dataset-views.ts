// Datasets as the API lists and shows them (docs/api/datasets-experiments.md): versions with their provenance, list
// summaries, pages of items. The item shapes themselves are in ../datasets/dataset.ts.
import type { DatasetItem, DatasetSplit, SplitSettings } from '../datasets/dataset.js';

/**
 * Where a version's items came from, kept with the version as provenance.
 *
 * @example
 * const source: DatasetSource = { kind: 'import', format: 'csv', file: 'pages.csv' };
 */
export type DatasetSource =
  | {
      readonly kind: 'traces';
      readonly filter: Readonly<Record<string, unknown>>;
      readonly sample: Readonly<Record<string, unknown>>;
      /** Traces the filter matched (after score filters), and those left out for lack of an input. */
      readonly matched: number;
      readonly skipped: number;
    }
  | { readonly kind: 'import'; readonly format: 'jsonl' | 'csv' | 'json'; readonly file?: string };

/**
 * One immutable version of a dataset (`GET /api/datasets/:name/versions/:version`).
 *
 * @example
 * const version: DatasetVersion = await (await fetch('/api/datasets/pages/versions/latest')).json();
 * version.splitCounts.validation; // 18
 */
export interface DatasetVersion {
  readonly name: string;
  readonly version: number;
  readonly itemCount: number;
  readonly splitCounts: Readonly<Record<DatasetSplit, number>>;
  readonly splits: SplitSettings;
  readonly source: DatasetSource;
  readonly message: string | null;
  /** ISO 8601. */
  readonly createdAt: string;
}

/**
 * One dataset in `GET /api/datasets`.
 *
 * @example
 * const summary: DatasetSummary = { name: 'pages', latestVersion: 3, itemCount: 92, versions: 3, updatedAt };
 */
export interface DatasetSummary {
  readonly name: string;
  readonly latestVersion: number;
  /** Items of the latest version. */
  readonly itemCount: number;
  readonly versions: number;
  readonly updatedAt: string;
}

/**
 * `GET /api/datasets/:name`.
 *
 * @example
 * const latest = (details: DatasetDetails) => details.versions[0];
 */
export interface DatasetDetails {
  readonly name: string;
  /** Newest first. */
  readonly versions: readonly DatasetVersion[];
}

/**
 * One page of `GET /api/datasets/:name/versions/:version/items`; `nextCursor` is null on the last page.
 *
 * @example
 * const page: DatasetItemPage = { version: 2, items, nextCursor: null };
 */
export interface DatasetItemPage {
  /** The version read (`latest` resolved). */
  readonly version: number;
  readonly items: readonly DatasetItem[];
  readonly nextCursor: string | null;
}
