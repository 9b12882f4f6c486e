// The dataset model: named datasets with immutable numbered versions of items, each item in one split.
import type {
  DatasetItemInput,
  DatasetItemPage as DatasetItemPageAnswer,
  DatasetSource,
  DatasetSplit,
  SplitSettings,
} from '@kaizen/core';

// The item, version and list shapes are core's, shared with the SDK's API client and the web app.
export {
  DATASET_SPLITS,
  type DatasetDetails,
  type DatasetInput,
  type DatasetItem,
  type DatasetItemInput,
  type DatasetSource,
  type DatasetSplit,
  type DatasetSummary,
  type DatasetVersion,
  type SplitSettings,
} from '@kaizen/core';

export interface CreateDatasetVersionInput {
  readonly items: readonly DatasetItemInput[];
  /** Default seed 0 and 0.6 / 0.2 / 0.2. */
  readonly splits?: Partial<SplitSettings>;
  readonly source: DatasetSource;
  readonly message?: string | null;
}

/** One page of items; `nextCursor` is null on the last page. The API adds the version read. */
export type DatasetItemPage = Omit<DatasetItemPageAnswer, 'version'>;

export interface DatasetItemQuery {
  readonly split?: DatasetSplit;
  /** 1..1000, default 100. */
  readonly limit?: number;
  /** Opaque, from a previous page's nextCursor. */
  readonly cursor?: string;
}

/** Dataset names follow prompt names: letters, digits, `.`, `_` and `-`, up to 128 characters. */
export const DATASET_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
