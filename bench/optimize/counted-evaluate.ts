// An evaluate port per method (its own answer cache) that logs every evaluation, so all methods are counted alike.
import {
  canonicalJson,
  compileChecklist,
  type DatasetItem,
  type EvaluationBatch,
  type OptimizationPorts,
  type PromptContent,
} from '@kaizen/core';
import { createEvaluatePort, createMemoryAnswerCache } from '@kaizen/models';
import type { BenchTask } from './tasks/bench-task.js';

export interface EvaluationLogEntry {
  readonly content: string;
  readonly split: DatasetItem['split'];
  readonly items: number;
  /** Task-model calls not answered from this method's cache. */
  readonly paidCalls: number;
  /** Search evaluations ((candidate, item) pairs on train and validation) after this one. */
  readonly candidateEvalsAfter: number;
  /** Paid search calls after this one. */
  readonly searchCallsAfter: number;
  readonly score: number;
}

export interface CountedEvaluate {
  readonly evaluate: OptimizationPorts['evaluate'];
  readonly log: readonly EvaluationLogEntry[];
  /** (candidate, item) evaluations on train and validation: the budget's unit. */
  candidateEvals(): number;
  /** Paid task-model calls of the search (train and validation); holdout reports are counted apart. */
  searchCalls(): number;
  holdoutCalls(): number;
}

export const contentKey = (content: PromptContent): string => canonicalJson(content);

export function meanScore(batch: EvaluationBatch): number {
  const scores = batch.items.flatMap((item) => (item.score === null ? [] : [item.score]));
  return scores.length === 0 ? 0 : scores.reduce((sum, score) => sum + score, 0) / scores.length;
}

/** The cache key names the model's settings, so two configurations never share answers. */
export function modelCacheKey(task: BenchTask, seed: number): string {
  return `${task.model.modelId}[${task.modelNote}]#seed=${seed}`;
}

/**
 * A fresh evaluate port over the task's simulated model with seed `seed` (temperature 0), its own memory cache,
 * and a log of what each evaluation cost.
 */
export function countedEvaluate(task: BenchTask, seed = 0): CountedEvaluate {
  const inner = createEvaluatePort({
    model: task.model,
    cacheModelKey: modelCacheKey(task, seed),
    checklist: compileChecklist(task.checklist),
    params: { temperature: 0, seed },
    cache: createMemoryAnswerCache(),
    concurrency: 8,
  });
  const log: EvaluationLogEntry[] = [];
  let candidateEvals = 0;
  let searchCalls = 0;
  let holdoutCalls = 0;
  return {
    log,
    async evaluate(content, items) {
      const batch = await inner(content, items);
      const split = items[0]?.split ?? 'train';
      if (items.some((item) => item.split === 'holdout')) holdoutCalls += batch.cost.paidCalls;
      else {
        candidateEvals += items.length;
        searchCalls += batch.cost.paidCalls;
      }
      log.push({
        content: contentKey(content),
        split,
        items: items.length,
        paidCalls: batch.cost.paidCalls,
        candidateEvalsAfter: candidateEvals,
        searchCallsAfter: searchCalls,
        score: meanScore(batch),
      });
      return batch;
    },
    candidateEvals: () => candidateEvals,
    searchCalls: () => searchCalls,
    holdoutCalls: () => holdoutCalls,
  };
}
