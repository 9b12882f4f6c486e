// Row shapes of the dataset tables and their conversion to the dataset model.
import type { DatasetItem, DatasetSource, DatasetSplit, DatasetVersion, SplitSettings } from './dataset-types.js';

export interface DatasetVersionRow {
  readonly name: string;
  readonly version: number;
  readonly item_count: number;
  readonly split_counts: string;
  readonly splits: string;
  readonly source: string;
  readonly message: string | null;
  readonly created_at: string;
}

export interface DatasetItemRow {
  readonly position: number;
  readonly item_id: string;
  readonly split: DatasetSplit;
  readonly source_trace_id: string | null;
  readonly input: string;
  readonly expected: string | null;
  readonly metadata: string;
}

export const VERSION_COLUMNS = 'name, version, item_count, split_counts, splits, source, message, created_at';
export const ITEM_COLUMNS = 'position, item_id, split, source_trace_id, input, expected, metadata';

export function toDatasetVersion(row: DatasetVersionRow): DatasetVersion {
  return {
    name: row.name,
    version: Number(row.version),
    itemCount: Number(row.item_count),
    splitCounts: JSON.parse(row.split_counts) as DatasetVersion['splitCounts'],
    splits: JSON.parse(row.splits) as SplitSettings,
    source: JSON.parse(row.source) as DatasetSource,
    message: row.message,
    createdAt: row.created_at,
  };
}

export function toDatasetItem(row: DatasetItemRow): DatasetItem {
  return {
    itemId: row.item_id,
    input: JSON.parse(row.input) as DatasetItem['input'],
    // NULL is "no expected output"; the JSON text 'null' is an expected output of null.
    ...(row.expected !== null ? { expected: JSON.parse(row.expected) as unknown } : {}),
    metadata: JSON.parse(row.metadata) as DatasetItem['metadata'],
    sourceTraceId: row.source_trace_id,
    split: row.split,
  };
}
