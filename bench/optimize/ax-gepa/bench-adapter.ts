// GEPA for `npm run bench:optimize`: takes the bench's task and counted evaluate port (see ../gepa-hook.ts), runs
// ax's GEPA through them, and answers with the best prompt as content.
import type { LanguageModelV3 } from '@ai-sdk/provider';
import {
  type Checklist,
  type CriterionResult,
  type DatasetItem,
  type OptimizationPorts,
  type PromptContent,
  systemText,
  withSystemText,
} from '@kaizen/core';
import type { AxGepaCandidate, AxGepaCounters, AxGepaTaskRunner } from './ax-gepa-types.js';
import { runGepaSearch } from './run-ax-gepa.js';

/** What the bench hands a GEPA adapter (structurally the bench's `GepaInput`). */
export interface BenchGepaInput {
  readonly task: {
    readonly name: string;
    readonly checklist: Checklist;
    readonly start: PromptContent;
    readonly splits: { readonly train: readonly DatasetItem[]; readonly validation: readonly DatasetItem[] };
  };
  /** Scores candidates; the bench counts the metric and task-model calls made through it. */
  readonly evaluate: OptimizationPorts['evaluate'];
  readonly taskModel: LanguageModelV3;
  readonly optimizerModel: LanguageModelV3;
  readonly maxCandidateEvals: number;
  readonly seed: number;
  readonly progress: (line: string) => void;
}

/** The bench's `GepaRun` (no `candidateEvals`/`taskModelCalls`: the bench counted them in its port) and more. */
export interface BenchGepaRun {
  readonly best: PromptContent;
  readonly optimizerCalls: number;
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
  return 'task' in input && 'maxCandidateEvals' in input && 'evaluate' in input;
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

function portRunner(input: BenchGepaInput): AxGepaTaskRunner<DatasetItem> {
  return async (instruction, item) => {
    const batch = await input.evaluate(withInstruction(input.task.start, instruction), [item]);
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
    ...(result.validationScore !== undefined ? { validationScore: result.validationScore } : {}),
    note:
      `ax ${'24.0.21'} AxGEPA, minibatch 3, early stop 5; ${result.metricCalls} metric calls, ` +
      `${result.candidates.length} candidates validated; feedback summaries answered without a model call`,
    instruction: result.instruction,
    reflectionCalls: result.reflectionCalls,
    counters: result.counters,
    candidates: result.candidates,
    log: result.log,
  };
}
