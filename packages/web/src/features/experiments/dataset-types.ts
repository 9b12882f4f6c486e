// The dataset API's answers as the web app reads them (docs/api/datasets-experiments.md): core's shapes, as types.
import type { DatasetSplit, DatasetSummary, Items } from '@kaizen/core';

export type {
  DatasetDetails,
  DatasetItem,
  DatasetItemPage,
  DatasetSource,
  DatasetSplit,
  DatasetVersion,
} from '@kaizen/core';

export const SPLITS: readonly DatasetSplit[] = ['train', 'validation', 'holdout'];

/** GET /api/datasets */
export type DatasetList = Items<DatasetSummary>;

export function datasetPath(name: string): string {
  return `/api/datasets/${encodeURIComponent(name)}`;
}
