// The outcome of one check on one item, and the helpers every check uses to build it.
import type { CriterionStatus } from '../results.js';

export interface CheckOutcome {
  readonly status: CriterionStatus;
  readonly rationale: string | null;
  readonly reason?: string;
}

/** Shared: a passing check allocates nothing. */
export const PASSED: CheckOutcome = Object.freeze({ status: 'passed', rationale: null });

export function passed(rationale: string | null = null): CheckOutcome {
  return rationale === null ? PASSED : { status: 'passed', rationale };
}

export function failed(rationale: string): CheckOutcome {
  return { status: 'failed', rationale };
}

/** Not applicable to this item (no spans, no expected value, latency not measured): left out of the score. */
export function skipped(reason: string): CheckOutcome {
  return { status: 'skipped', rationale: null, reason };
}

/** The check could not judge (it threw, the judge did not answer): left out of the score, counted in `errors`. */
export function errored(reason: string): CheckOutcome {
  return { status: 'errored', rationale: null, reason };
}

/**
 * A short, bounded rendering of a value for rationales.
 * @example
 * describeValue('abc'); // '"abc"'
 */
export function describeValue(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
