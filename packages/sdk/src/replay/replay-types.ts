// Options and results of a shadow replay: a candidate prompt version run on real production inputs.

export interface ReplayOptions {
  readonly promptName: string;
  readonly candidateVersion: number;
  /** Environment whose traces supply the inputs. Default `production`. */
  readonly from?: string;
  /** Most recent traces to replay. Default 50. */
  readonly limit?: number;
  /** Only traces that started at or after this ISO 8601 time. */
  readonly since?: string;
  /** `provider:model`; default the candidate version's own model. */
  readonly model?: string;
  /** Model calls in flight at once. Default 4. */
  readonly concurrency?: number;
  readonly onProgress?: (progress: ReplayProgress) => void;
}

export interface ReplayProgress {
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  readonly skipped: number;
}

export interface ReplayItem {
  readonly sourceTraceId: string;
  /** The new trace in the shadow environment; null when the item was skipped before any call. */
  readonly shadowTraceId: string | null;
  readonly status: 'ok' | 'error' | 'skipped';
  /** Why it failed or was skipped. */
  readonly reason?: string;
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly costUsd: number | null;
  readonly latencyMs: number | null;
}

export interface ReplaySummary {
  readonly promptName: string;
  readonly candidateVersion: number;
  readonly from: string;
  readonly environment: 'shadow';
  readonly model: string;
  /** True when the model is Kaizen's simulated one: the outputs measure the machinery, not a real model. */
  readonly simulated: boolean;
  readonly total: number;
  readonly replayed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Null when any call's price is unknown (and for simulated models). */
  readonly costUsd: number | null;
  readonly items: readonly ReplayItem[];
}
