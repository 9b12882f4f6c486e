// Turns the limit+1 rows of a trace list query into a page and its cursor.
import type { TraceSummary } from '@kaizen/core';
import { recordToSummary, type TraceRecord } from '../rows/trace-row.js';
import type { Page } from '../store.js';
import { encodeTraceCursor } from './trace-cursor.js';

export function toTracePage(records: readonly TraceRecord[], limit: number): Page<TraceSummary> {
  const pageRecords = records.slice(0, limit);
  const last = pageRecords.at(-1);
  const nextCursor =
    records.length > limit && last !== undefined
      ? encodeTraceCursor({ startTime: last.start_time, traceId: last.trace_id })
      : null;
  return { items: pageRecords.map(recordToSummary), nextCursor };
}
