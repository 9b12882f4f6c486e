// The dataset API's answers as the web app reads them (docs/api/datasets-experiments.md); item shapes from core.
import type { DatasetItem, DatasetSplit } from '@kaizen/core';

export type { DatasetItem, DatasetSplit } from '@kaizen/core';

export const SPLITS: readonly DatasetSplit[] = ['train', 'validation', 'holdout'];

/** GET /api/datasets */
export interface DatasetList {
  readonly items: readonly {
    readonly name: string;
    readonly latestVersion: number;
    readonly itemCount: number;
    readonly versions: number;
    readonly updatedAt: string;
  }[];
}

export type DatasetSource =
  | {
      readonly kind: 'traces';
      readonly filter: Readonly<Record<string, unknown>>;
      readonly sample: Readonly<Record<string, unknown>>;
      readonly matched: number;
      readonly skipped: number;
    }
  | { readonly kind: 'import'; readonly format: 'jsonl' | 'csv' | 'json'; readonly file?: string };

export interface DatasetVersion {
  readonly name: string;
  readonly version: number;
  readonly itemCount: number;
  readonly splitCounts: Readonly<Record<DatasetSplit, number>>;
  readonly splits: {
    readonly seed: number;
    readonly train: number;
    readonly validation: number;
    readonly holdout: number;
  };
  readonly source: DatasetSource;
  readonly message: string | null;
  readonly createdAt: string;
}

/** GET /api/datasets/:name — versions newest first. */
export interface DatasetDetails {
  readonly name: string;
  readonly versions: readonly DatasetVersion[];
}

/** GET /api/datasets/:name/versions/:version/items */
export interface DatasetItemsPage {
  readonly version: number;
  readonly items: readonly DatasetItem[];
  readonly nextCursor: string | null;
}

export function datasetPath(name: string): string {
  return `/api/datasets/${encodeURIComponent(name)}`;
}
