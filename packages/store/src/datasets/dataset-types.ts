// The dataset model: named datasets with immutable numbered versions of items, each item in one split.
import type { DatasetItem, DatasetItemInput, DatasetSplit, SplitSettings } from '@kaizen/core';

// The item shapes are core's, shared with the SDK's API client.
export {
  DATASET_SPLITS,
  type DatasetInput,
  type DatasetItem,
  type DatasetItemInput,
  type DatasetSplit,
  type SplitSettings,
} from '@kaizen/core';

/** Where a version's items came from, kept with the version as provenance. */
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

export interface DatasetVersion {
  readonly name: string;
  readonly version: number;
  readonly itemCount: number;
  readonly splitCounts: Readonly<Record<DatasetSplit, number>>;
  readonly splits: SplitSettings;
  readonly source: DatasetSource;
  readonly message: string | null;
  readonly createdAt: string;
}

export interface DatasetSummary {
  readonly name: string;
  readonly latestVersion: number;
  readonly itemCount: number;
  readonly versions: number;
  readonly updatedAt: string;
}

export interface DatasetDetails {
  readonly name: string;
  /** Newest first. */
  readonly versions: readonly DatasetVersion[];
}

export interface CreateDatasetVersionInput {
  readonly items: readonly DatasetItemInput[];
  /** Default seed 0 and 0.6 / 0.2 / 0.2. */
  readonly splits?: Partial<SplitSettings>;
  readonly source: DatasetSource;
  readonly message?: string | null;
}

/** One page of items; `nextCursor` is null on the last page. */
export interface DatasetItemPage {
  readonly items: readonly DatasetItem[];
  readonly nextCursor: string | null;
}

export interface DatasetItemQuery {
  readonly split?: DatasetSplit;
  /** 1..1000, default 100. */
  readonly limit?: number;
  /** Opaque, from a previous page's nextCursor. */
  readonly cursor?: string;
}

/** Dataset names follow prompt names: letters, digits, `.`, `_` and `-`, up to 128 characters. */
export const DATASET_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
