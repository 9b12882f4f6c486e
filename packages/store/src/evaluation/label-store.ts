// Human labels per trace and criterion, and the (judge, human) pairs that measure a judged criterion's agreement.
// A label's shape is core's.
import type { HumanLabel } from '@kaizen/core';

export type { HumanLabel } from '@kaizen/core';

/** A label as written; the store sets `updatedAt`. */
export type HumanLabelInput = Omit<HumanLabel, 'updatedAt'>;

/** A judge verdict and a human label on one criterion of one trace (CriterionLabelPair of core, plus the trace). */
export interface LabelPair {
  readonly traceId: string;
  readonly criterionId: string;
  readonly judge: boolean;
  readonly human: boolean;
}

export interface LabelStore {
  /** One label per (trace, evaluator, criterion): setting it again replaces it. */
  upsert(projectId: string, label: HumanLabelInput): Promise<HumanLabel>;
  /** Ordered by evaluator, then criterion. */
  listForTrace(projectId: string, traceId: string): Promise<readonly HumanLabel[]>;
  /**
   * Labelled criteria whose newest score of the trace passed or failed them (errored and skipped results are no
   * verdict), restricted to `criterionIds` when given.
   */
  agreementPairs(projectId: string, evaluatorName: string, criterionIds?: readonly string[]): Promise<LabelPair[]>;
}
