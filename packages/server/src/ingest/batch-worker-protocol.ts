// Messages between the ingest event loop and the batch worker threads.
import type { PriceTable, RedactionConfig } from '@kaizen/core';
import type { OtlpFormat, ProcessedBatch } from './process-batch.js';

export interface BatchWorkerData {
  readonly prices: PriceTable;
  /** Compiled again in each worker (RegExp patterns survive the structured clone); validated by the server first. */
  readonly redaction: RedactionConfig;
}

export interface BatchRequest {
  readonly id: number;
  readonly format: OtlpFormat;
  readonly body: Uint8Array;
}

export type BatchReply =
  | { readonly id: number; readonly ok: true; readonly batch: ProcessedBatch }
  /** `code` is a KaizenError code when the worker threw one, else 'internal' with the message for the log. */
  | { readonly id: number; readonly ok: false; readonly code: string; readonly message: string };

/** Sent once the worker has loaded its modules and can take batches. */
export const READY = 'ready';
