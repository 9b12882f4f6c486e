// Input and output of root-cause analysis: scored items with their features in, ranked failure modes and causes out.
import type { CriterionStatus } from '../evaluation/results.js';

/**
 * One scored trace as RCA sees it: a status per criterion and its features (name → value).
 * @example
 * const item: RcaItem = {
 *   traceId: 't1', startTime: '2025-01-02T10:00:00.000Z',
 *   results: { json: 'failed', tone: 'passed' },
 *   features: { model: 'gpt-4o-mini', promptVersion: '3', language: 'de', inputLength: 'long' },
 * };
 */
export interface RcaItem {
  readonly traceId: string;
  /** ISO 8601; its UTC day is the trend bucket. */
  readonly startTime: string;
  readonly results: Readonly<Record<string, CriterionStatus>>;
  /** e.g. model, promptVersion, environment, inputLength, outputLength, tool, errorType, metadata.k, variable.k. */
  readonly features: Readonly<Record<string, string>>;
  readonly excerpts?: { readonly input?: string; readonly output?: string };
  readonly rationales?: Readonly<Record<string, string>>;
}

export interface RcaCriterion {
  readonly id: string;
  readonly weight: number;
  readonly description?: string;
}

export interface RcaOptions {
  /** Fewest items carrying a feature value for it to be reported as a driver (default 20). */
  readonly minSupport?: number;
  /** False-discovery rate for the Benjamini–Hochberg correction (default 0.05). */
  readonly alpha?: number;
  /** Most drivers reported per cause (default 10). */
  readonly maxDrivers?: number;
  /** Failing and passing traces shown per cause (default 5 each). */
  readonly evidencePerCause?: number;
}

/**
 * @example
 * analyzeRootCauses({ items, criteria: [{ id: 'json', weight: 2 }], options: { minSupport: 30 } });
 */
export interface RcaInput {
  readonly items: readonly RcaItem[];
  readonly criteria: readonly RcaCriterion[];
  readonly options?: RcaOptions;
}

export interface FailureMode {
  readonly criterionId: string;
  /** failures / (passed + failed); errored and skipped items are left out. */
  readonly failureRate: number;
  readonly failures: number;
  /** Items where the criterion passed or failed. */
  readonly total: number;
  /** weight × failures / Σ over criteria of weight × failures; 0 when nothing failed. */
  readonly lostScoreShare: number;
}

export interface CoFailureCluster {
  /** Sorted criterion ids. */
  readonly criteria: readonly string[];
  /** Smallest pairwise Jaccard index of the failing-item sets within the cluster. */
  readonly jaccard: number;
  /** Items on which every criterion of the cluster failed. */
  readonly support: number;
}

export interface Driver {
  readonly feature: string;
  readonly value: string;
  /** failureRateWith / overall failure rate of the cause. */
  readonly lift: number;
  /** Evaluated items carrying this feature value. */
  readonly support: number;
  readonly failureRateWith: number;
  readonly failureRateWithout: number;
  /** Fisher exact test, two-sided. */
  readonly pValue: number;
  /** Benjamini–Hochberg adjusted across every test of the report. */
  readonly qValue: number;
}

export interface EvidenceTrace {
  readonly traceId: string;
  readonly excerpt: string;
}

export interface CauseTrend {
  readonly byDay: readonly { readonly day: string; readonly failureRate: number; readonly n: number }[];
  readonly byPromptVersion: readonly { readonly version: string; readonly failureRate: number; readonly n: number }[];
}

export interface RootCause {
  /** `cause:` + the sorted criterion ids joined by `+`. */
  readonly id: string;
  /** One failure mode, or the criteria of a co-failure cluster (an item fails the cause when any of them fails). */
  readonly criteria: readonly string[];
  readonly failureRate: number;
  readonly lostScoreShare: number;
  /** Ranked by p-value, then lift. */
  readonly drivers: readonly Driver[];
  readonly evidence: {
    readonly failing: readonly EvidenceTrace[];
    readonly passingContrast: readonly EvidenceTrace[];
  };
  readonly trend: CauseTrend;
}

export interface RcaReport {
  /** Ranked by lostScoreShare. */
  readonly failureModes: readonly FailureMode[];
  readonly clusters: readonly CoFailureCluster[];
  /** Ranked by lostScoreShare. */
  readonly causes: readonly RootCause[];
  readonly totals: {
    readonly items: number;
    readonly criteria: number;
    readonly failures: number;
    /** Every (feature, value) × cause test that met minimum support; the Benjamini–Hochberg denominator. */
    readonly tests: number;
    readonly minSupport: number;
    readonly alpha: number;
  };
}
