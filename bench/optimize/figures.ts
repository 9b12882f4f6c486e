// The figures the bench reports, per method and per task: the shape of its last JSON line.

export interface MethodFigures {
  readonly method: string;
  /** (candidate, item) evaluations on train and validation. */
  readonly candidateEvals: number;
  /** Paid task-model calls of the search (holdout reports excluded, answers from the method's own cache free). */
  readonly taskModelCalls: number;
  readonly optimizerCalls: number;
  readonly validationBefore: number;
  readonly validationAfter: number;
  readonly holdoutBefore: number;
  readonly holdoutAfter: number;
  readonly promptTokensBefore: number;
  readonly promptTokensAfter: number;
  /** Holdout items passing under the start prompt and failing under the result, as a share of holdout items. */
  readonly holdoutItemsBroken: number;
  readonly note?: string;
}

export interface SoundnessFigures {
  readonly sample: string;
  /** Runs whose accepted edits are judged: the main run and the replicates (other seeds, other noise draws). */
  readonly runs: number;
  readonly acceptedEdits: number;
  readonly notImproving: number;
  readonly share: number | null;
  /** Expected-score change of each accepted edit, in acceptance order. */
  readonly deltas: readonly number[];
  /** Holdout items passing under the start and failing under the result, over all runs' holdout items. */
  readonly holdoutItemsBroken: number | null;
}

export interface TaskFigures {
  readonly task: string;
  readonly model: string;
  readonly split: { readonly train: number; readonly validation: number; readonly holdout: number };
  readonly status: string;
  readonly rounds: number;
  readonly kaizen: MethodFigures;
  /** Criteria whose holdout pass rate fell significantly (start → best). */
  readonly holdoutRegressions: number;
  readonly baselines: Readonly<Record<string, MethodFigures | { readonly skipped: string }>>;
  readonly bestCompetitor: {
    readonly method: string;
    readonly holdoutAfter: number;
    readonly taskModelCalls: number;
  } | null;
  readonly evalsToReachBestBaseline: number | null;
  readonly callsToReachBestBaseline: number | null;
  readonly soundness: Readonly<Record<string, SoundnessFigures>>;
}

export interface CompressionFigures {
  readonly task: string;
  readonly status: string;
  readonly candidateEvals: number;
  readonly promptTokensBefore: number;
  readonly promptTokensAfter: number;
  readonly holdoutBefore: number;
  readonly holdoutAfter: number;
  readonly validationBefore: number;
  readonly validationAfter: number;
}

export const SIMULATED_STATEMENT =
  'All figures come from SIMULATED models (sim:schemaorg, sim:ifeval, sim:optimizer: deterministic offline stand-ins, ' +
  'not real LLMs). They measure the machinery — does the loop find causes, fix them, refuse regressions, save tokens, ' +
  'stay within budget — not real-model quality.';
