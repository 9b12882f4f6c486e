// GEPA for `npm run bench:optimize`: takes the bench's task and counted evaluate port (see ../gepa-hook.ts), runs
// ax's GEPA through them, and answers with the best prompt as content.
import type { LanguageModelV3 } from '@ai-sdk/provider';
import {
  type Checklist,
  type CriterionResult,
  compileChecklist,
  type DatasetItem,
  type OptimizationPorts,
  type PromptContent,
  systemText,
  withSystemText,
} from '@kaizen/core';
import { createEvaluatePort, createMemoryAnswerCache } from '@kaizen/models';
import type { AxGepaCandidate, AxGepaCounters, AxGepaTaskRunner } from './ax-gepa-types.js';
import { runGepaSearch } from './run-ax-gepa.js';

/** What the bench hands a GEPA adapter (structurally the bench's `GepaInput`). */
export interface BenchGepaInput {
  readonly task: {
    readonly name: string;
    readonly checklist: Checklist;
    readonly start: PromptContent;
    readonly splits: { readonly train: readonly DatasetItem[]; readonly validation: readonly DatasetItem[] };
    /** The simulated task model with the task's settings. */
    readonly model: LanguageModelV3;
  };
  /**
   * Scores candidates; the bench counts the calls made through it. Without it the adapter builds the same port
   * (temperature 0, seed 0, its own memory cache) and counts itself.
   */
  readonly evaluate?: OptimizationPorts['evaluate'];
  readonly taskModel?: LanguageModelV3;
  readonly optimizerModel: LanguageModelV3;
  readonly maxCandidateEvals: number;
  readonly seed: number;
  readonly progress: (line: string) => void;
}

/** The bench's `GepaRun` and more. */
export interface BenchGepaRun {
  readonly best: PromptContent;
  readonly optimizerCalls: number;
  /** GEPA's metric calls: (candidate, item) evaluations on train and validation. */
  readonly candidateEvals: number;
  /** Task-model calls not answered from the port's cache (all calls, where the port has no cache). */
  readonly taskModelCalls: number;
  readonly validationScore?: number;
  readonly note?: string;
  readonly instruction: string;
  readonly reflectionCalls: number;
  /** The adapter's own counts, for cross-checking the bench's. */
  readonly counters: Readonly<AxGepaCounters>;
  readonly candidates: readonly AxGepaCandidate[];
  readonly log: readonly string[];
}

export function isBenchGepaInput(input: unknown): input is BenchGepaInput {
  if (typeof input !== 'object' || input === null) return false;
  return 'task' in input && 'maxCandidateEvals' in input;
}

/** The start prompt with `instruction` as its system message (none when the instruction is blank). */
export function withInstruction(start: PromptContent, instruction: string): PromptContent {
  if (instruction.trim() !== '') return withSystemText(start, instruction);
  if (typeof start.template === 'string') return start;
  return { ...start, template: start.template.filter((message) => message.role !== 'system') };
}

function lastUserTemplate(content: PromptContent): string {
  if (typeof content.template === 'string') return content.template;
  const user = content.template.findLast((message) => message.role === 'user');
  if (user === undefined) throw new Error('the start prompt has no user message for GEPA to fill');
  return user.content;
}

/** Kaizen's evaluate port as the bench builds it: the task's model at temperature 0 and seed 0, a memory cache. */
function ownPort(input: BenchGepaInput): OptimizationPorts['evaluate'] {
  return createEvaluatePort({
    model: input.taskModel ?? input.task.model,
    cacheModelKey: `ax-gepa:${input.task.name}`,
    checklist: compileChecklist(input.task.checklist),
    params: { temperature: 0, seed: 0 },
    cache: createMemoryAnswerCache(),
  });
}

function portRunner(input: BenchGepaInput): AxGepaTaskRunner<DatasetItem> {
  const evaluate = input.evaluate ?? ownPort(input);
  return async (instruction, item) => {
    const batch = await evaluate(withInstruction(input.task.start, instruction), [item]);
    const result = batch.items[0];
    if (result === undefined || result.error !== null || result.output === null) {
      throw new Error(result?.error ?? 'the evaluate port returned no result');
    }
    const results: CriterionResult[] = Object.entries(result.statuses).map(([criterionId, status]) => ({
      criterionId,
      status,
      rationale: result.rationales[criterionId] ?? null,
    }));
    return {
      output: result.output,
      evaluation: { score: result.score, results },
      inputTokens: batch.cost.inputTokens,
      outputTokens: batch.cost.outputTokens,
      paidCalls: batch.cost.paidCalls,
    };
  };
}

/**
 * @example
 * const run = await runAxGepaForBench(gepaInput);
 * run.best; run.optimizerCalls; run.validationScore;
 */
export async function runAxGepaForBench(input: BenchGepaInput): Promise<BenchGepaRun> {
  const { task } = input;
  const result = await runGepaSearch<DatasetItem>({
    userTemplate: lastUserTemplate(task.start),
    runTask: portRunner(input),
    startSystem: systemText(task.start) ?? '',
    train: task.splits.train,
    validation: task.splits.validation,
    criteria: task.checklist.criteria.map((criterion) => ({
      id: criterion.id,
      description: criterion.description,
      kind: String((criterion.check as { kind?: unknown }).kind ?? 'custom'),
    })),
    optimizerModel: input.optimizerModel,
    maxMetricCalls: input.maxCandidateEvals,
    seed: input.seed,
    progress: input.progress,
  });
  return {
    best: withInstruction(task.start, result.instruction),
    optimizerCalls: result.reflectionCalls,
    candidateEvals: result.metricCalls,
    taskModelCalls: result.counters.paidTaskModelCalls,
    ...(result.validationScore !== undefined ? { validationScore: result.validationScore } : {}),
    note:
      `@ax-llm/ax 24.0.21 AxGEPA (minibatch 3, ax's early stop off, whole validation split as Pareto set); ` +
      `${result.candidates.length} candidates validated; ax's feedback-summary step answered without a model call`,
    instruction: result.instruction,
    reflectionCalls: result.reflectionCalls,
    counters: result.counters,
    candidates: result.candidates,
    log: result.log,
  };
}
