// What the ax GEPA adapter takes and gives back: the bench's task definition in, GEPA's instruction and counts out.
import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { CriterionResult, DatasetInput } from '@kaizen/core';
import type { CallParams } from '@kaizen/models';

/** A dataset item as the bench holds it; a core `DatasetItem` fits. Its input must be template variables. */
export interface AxGepaItem {
  readonly itemId: string;
  readonly input: DatasetInput;
  readonly expected?: unknown;
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/** The checklist's verdict on one answer, as Kaizen's loop sees it. */
export interface AxGepaEvaluation {
  /** Null when no criterion was passed or failed; GEPA then gets 0 (it needs a number). */
  readonly score: number | null;
  readonly results: readonly CriterionResult[];
}

/** What the optimizer may know about a criterion: the same facts Kaizen's reflection request carries. */
export interface AxGepaCriterion {
  readonly id: string;
  readonly description: string;
  /** The check kind (`json_valid`, `custom`, …). */
  readonly kind: string;
}

/** One answer of the task model to an item under an instruction, with the checklist's verdict. */
export interface AxGepaAnswer {
  readonly output: string;
  readonly evaluation: AxGepaEvaluation;
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  /** 0 when a cache answered instead of the model; default 1. */
  readonly paidCalls?: number;
}

/** Runs the task model with `instruction` as the system prompt on one item and scores the answer. */
export type AxGepaTaskRunner<Item extends AxGepaItem = AxGepaItem> = (
  instruction: string,
  item: Item,
) => Promise<AxGepaAnswer>;

/** The task as a model and a scorer: the adapter renders Kaizen's messages and calls the model itself. */
export interface AxGepaTaskSetup<Item extends AxGepaItem = AxGepaItem> {
  /** The last user message, with `{{variables}}` filled from each item's input. */
  readonly userTemplate: string;
  readonly taskModel: LanguageModelV3;
  /** Parameters of every task-model call; default none (the simulator's seed is then 0). */
  readonly taskParams?: CallParams;
  readonly evaluate: (output: string, item: Item) => AxGepaEvaluation | Promise<AxGepaEvaluation>;
}

/** The task as a runner (e.g. the bench's counted evaluate port); `userTemplate` renders ax's input field. */
export interface AxGepaRunnerSetup<Item extends AxGepaItem = AxGepaItem> {
  readonly userTemplate: string;
  readonly runTask: AxGepaTaskRunner<Item>;
}

export type AxGepaTask<Item extends AxGepaItem = AxGepaItem> = AxGepaTaskSetup<Item> | AxGepaRunnerSetup<Item>;

export interface AxGepaSearchOptions<Item extends AxGepaItem = AxGepaItem> {
  /** The seed instruction (Kaizen's start system prompt). Empty: ax's GEPA can propose nothing (see README). */
  readonly startSystem: string;
  /** Minibatches are drawn from these. */
  readonly train: readonly Item[];
  /** GEPA's Pareto set: every candidate it accepts on a minibatch is scored on all of these. */
  readonly validation: readonly Item[];
  readonly criteria: readonly AxGepaCriterion[];
  /** The reflection (teacher) model: answers Kaizen optimizer requests, e.g. `sim:optimizer`. */
  readonly optimizerModel: LanguageModelV3;
  /** Seed of the first optimizer-model call, the next ones count up (Kaizen: seed + round); default `seed`. */
  readonly optimizerSeed?: number;
  /** GEPA's only hard budget: (candidate, item) evaluations, initial validation pass included. */
  readonly maxMetricCalls: number;
  /** GEPA's sampling seed (minibatches, parent choice). ax maps 0 to its own default seed. */
  readonly seed?: number;
  /** Train items per reflection minibatch; default 3 (GEPA's and DSPy's default; ax's own is 20). */
  readonly minibatchSize?: number;
  /** Reflection rounds; default `maxMetricCalls`, so the budget (or early stopping) ends the run. */
  readonly numTrials?: number;
  /**
   * ax's stagnation stop. Default: off (= numTrials). With one objective ax counts every proposal as stagnation,
   * accepted ones included (its archive size and 2-D hypervolume never grow), so its default 5 ends GEPA after five
   * proposals whatever the budget; the reference GEPA has no such stop.
   */
  readonly earlyStoppingTrials?: number;
  /** Told every log line as it is written. */
  readonly progress?: (line: string) => void;
}

export type RunAxGepaOptions<Item extends AxGepaItem = AxGepaItem> = AxGepaTask<Item> & AxGepaSearchOptions<Item>;

/** Everything counted while GEPA ran. */
export interface AxGepaCounters {
  /** Task-model answers GEPA's student got (retries of ax's output parser included). */
  taskModelCalls: number;
  /** Of those, the ones a model answered (not a cache). */
  paidTaskModelCalls: number;
  /** Distinct (instruction, item) pairs: what a runner with an answer cache, like Kaizen's port, would pay for. */
  distinctTaskModelCalls: number;
  taskInputTokens: number;
  taskOutputTokens: number;
  /** Metric calls (candidate × item evaluations) as the adapter's metric saw them. */
  metricCalls: number;
  /** Requests ax sent to its teacher: the feedback summary (answered by the adapter, no model call) and proposals. */
  teacherSummaryRequests: number;
  teacherProposalRequests: number;
  /** Optimizer-model calls, one per proposal request. */
  reflectionCalls: number;
  reflectionInputTokens: number;
  reflectionOutputTokens: number;
  /** Proposals whose answer held no usable edit (the current instruction was given back unchanged). */
  droppedProposals: number;
}

/** A candidate GEPA scored on the whole validation split, with what had been spent when it was done. */
export interface AxGepaCandidate {
  readonly instruction: string;
  /** Mean validation score, as GEPA's metric saw it (null scores as 0). */
  readonly validationScore: number;
  readonly atMetricCalls: number;
  readonly atTaskModelCalls: number;
  readonly atReflectionCalls: number;
}

export interface AxGepaResult {
  /** The instruction of GEPA's best candidate (its `componentMap`), i.e. the optimized system prompt. */
  readonly instruction: string;
  readonly taskModelCalls: number;
  readonly reflectionCalls: number;
  readonly metricCalls: number;
  /** GEPA's `bestScore`: the mean validation score of the candidate it returns. */
  readonly validationScore?: number;
  /** Every candidate scored on the validation split (the seed first), in order: the search's progress over spend. */
  readonly candidates: readonly AxGepaCandidate[];
  readonly counters: Readonly<AxGepaCounters>;
  /** What happened, including every exception ax would have swallowed. */
  readonly log: string[];
}

export function emptyCounters(): AxGepaCounters {
  return {
    taskModelCalls: 0,
    paidTaskModelCalls: 0,
    distinctTaskModelCalls: 0,
    taskInputTokens: 0,
    taskOutputTokens: 0,
    metricCalls: 0,
    teacherSummaryRequests: 0,
    teacherProposalRequests: 0,
    reflectionCalls: 0,
    reflectionInputTokens: 0,
    reflectionOutputTokens: 0,
    droppedProposals: 0,
  };
}
