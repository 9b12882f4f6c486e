// The hook to the GEPA comparison: when `bench/optimize/ax-gepa/index.ts` (written apart) is there, its `runAxGepa`
// runs ax's AxGEPA on the bench task's models and checklist; the bench measures the result on holdout itself.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type CompiledChecklist,
  type CriterionResult,
  compileChecklist,
  type DatasetItem,
  type PromptContent,
  systemText,
  withSystemText,
} from '@kaizen/core';
import type { BenchTask, SimulatedModel } from './tasks/bench-task.js';

/** The part of the adapter's options the bench fills (structural: the adapter's own types are not imported). */
interface AxGepaCall {
  readonly startSystem: string;
  readonly userTemplate: string;
  readonly taskModel: SimulatedModel;
  readonly taskParams: { readonly temperature: number; readonly seed: number };
  readonly evaluate: (
    output: string,
    item: DatasetItem,
  ) => Promise<{ readonly score: number | null; readonly results: readonly CriterionResult[] }>;
  readonly train: readonly DatasetItem[];
  readonly validation: readonly DatasetItem[];
  readonly criteria: readonly { readonly id: string; readonly description: string; readonly kind: string }[];
  readonly optimizerModel: SimulatedModel;
  readonly maxMetricCalls: number;
  readonly seed: number;
}

/** The part of the adapter's result the bench reads. */
interface AxGepaOutcome {
  readonly instruction: string;
  readonly taskModelCalls: number;
  readonly reflectionCalls: number;
  readonly metricCalls: number;
  readonly validationScore?: number;
  readonly log?: readonly string[];
}

export interface GepaInput {
  readonly task: BenchTask;
  readonly optimizerModel: SimulatedModel;
  readonly maxCandidateEvals: number;
  readonly seed: number;
  readonly progress: (line: string) => void;
}

/** What GEPA found and spent, by the adapter's own counters (it calls the task model directly, without a cache). */
export interface GepaRun {
  readonly best: PromptContent;
  readonly candidateEvals: number;
  readonly taskModelCalls: number;
  readonly optimizerCalls: number;
  readonly validationScore: number | null;
}

export type GepaAdapter = (input: GepaInput) => Promise<GepaRun>;

const ADAPTER = new URL('./ax-gepa/index.ts', import.meta.url);

function userTemplateOf(content: PromptContent): string {
  const template = content.template;
  if (typeof template === 'string') return template;
  const user = template.findLast((message) => message.role === 'user');
  if (user === undefined) throw new Error('the start prompt has no user message for GEPA to fill');
  return user.content;
}

function scorer(checklist: CompiledChecklist): AxGepaCall['evaluate'] {
  return async (output, item) => {
    const result = await checklist.evaluate({
      output,
      ...('expected' in item ? { expected: item.expected } : {}),
      input: item.input,
      metadata: item.metadata,
    });
    return { score: result.score, results: result.results };
  };
}

/** A GEPA adapter over `runAxGepa` of `bench/optimize/ax-gepa/index.ts`, or null while that file is not there. */
export async function loadGepaAdapter(): Promise<GepaAdapter | null> {
  if (!existsSync(fileURLToPath(ADAPTER))) return null;
  const module = (await import(ADAPTER.href)) as { runAxGepa?: unknown };
  if (typeof module.runAxGepa !== 'function') {
    throw new Error('bench/optimize/ax-gepa/index.ts must export runAxGepa(options)');
  }
  const runAxGepa = module.runAxGepa as (options: AxGepaCall) => Promise<AxGepaOutcome>;
  return async ({ task, optimizerModel, maxCandidateEvals, seed, progress }) => {
    const outcome = await runAxGepa({
      startSystem: systemText(task.start) ?? '',
      userTemplate: userTemplateOf(task.start),
      taskModel: task.model,
      // The seed every method's task-model calls use, so equal prompts get equal answers.
      taskParams: { temperature: 0, seed: 0 },
      evaluate: scorer(compileChecklist(task.checklist)),
      train: task.splits.train,
      validation: task.splits.validation,
      criteria: task.checklist.criteria.map(({ id, description, check }) => ({ id, description, kind: check.kind })),
      optimizerModel,
      maxMetricCalls: maxCandidateEvals,
      seed,
    });
    for (const line of outcome.log ?? []) progress(line);
    return {
      best: withSystemText(task.start, outcome.instruction),
      candidateEvals: outcome.metricCalls,
      taskModelCalls: outcome.taskModelCalls,
      optimizerCalls: outcome.reflectionCalls,
      validationScore: outcome.validationScore ?? null,
    };
  };
}
