// What evaluating one item yields: a status per criterion, the weighted score, the verdict and a label.
import type { ModelPortUsage } from '../ports/model-port.js';

export type CriterionStatus = 'passed' | 'failed' | 'errored' | 'skipped';

/**
 * @example
 * const result: CriterionResult = { criterionId: 'json', status: 'failed', rationale: 'output is not valid JSON: …' };
 */
export interface CriterionResult {
  readonly criterionId: string;
  readonly status: CriterionStatus;
  /** Why it passed or failed (the judge's rationale, or what a check found); null when there is nothing to say. */
  readonly rationale: string | null;
  /** Why it was skipped or errored. */
  readonly reason?: string;
}

/**
 * @example
 * result.score; // 0.75: passed weight / (passed + failed weight); errored and skipped criteria are left out
 * result.label; // 'pass' | 'fail' | 'error' | 'skipped' | a label rule's name
 */
export interface ChecklistResult {
  /** Weighted over passed and failed criteria only; null when none was passed or failed. */
  readonly score: number | null;
  /** score ≥ passThreshold and no criterion errored. */
  readonly passed: boolean;
  readonly label: string;
  /** In checklist order. */
  readonly results: readonly CriterionResult[];
  /** The number of errored criteria. */
  readonly errors: number;
  /** The judge call's usage; null when no judge call was made or the provider reported none. */
  readonly judgeUsage: ModelPortUsage | null;
}
