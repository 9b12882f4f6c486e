// The optimization loop's evaluate port: render the candidate for each item, answer from the cache or the task
// model, score the answer with the checklist.
import type { LanguageModelV3 } from '@ai-sdk/provider';
import {
  buildReplayMessages,
  type CallCost,
  type ChatTemplateMessage,
  type CompiledChecklist,
  type DatasetItem,
  type EvaluatedItem,
  type EvaluationBatch,
  type OptimizationPorts,
  type PriceTable,
  type PromptContent,
  renderPromptMessages,
} from '@kaizen/core';
import { callModel } from '../call-model.js';
import { type CallParams, readCallParams } from '../call-params.js';
import { createLimiter } from '../limit-concurrency.js';
import type { ResolveModelOptions } from '../resolve-model.js';
import type { RetryOptions } from '../retry.js';
import { type AnswerCache, answerCacheKey, type CachedAnswer, cachedAnswerOf } from './answer-cache.js';
import { modelKey } from './model-key.js';

export interface EvaluatePortOptions {
  /** A `provider:model` string, or an AI SDK model (e.g. `createSimulatedModel('schemaorg', { noise: 0 })`). */
  readonly model: string | LanguageModelV3;
  /** The name answers are cached under; defaults to `modelKey(model)`. Name the options of a configured model. */
  readonly cacheModelKey?: string;
  readonly checklist: CompiledChecklist;
  /** Call parameters; default: the candidate's own `params`. */
  readonly params?: CallParams;
  readonly cache?: AnswerCache;
  /** Model calls in flight at once; default 4. */
  readonly concurrency?: number;
  readonly retry?: Partial<RetryOptions>;
  readonly timeoutMs?: number;
  readonly prices?: PriceTable;
  readonly resolve?: ResolveModelOptions;
  readonly signal?: AbortSignal;
}

interface Planned {
  readonly item: DatasetItem;
  readonly messages: ChatTemplateMessage[] | null;
  readonly key: string | null;
  readonly error: string | null;
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

function messagesFor(content: PromptContent, item: DatasetItem): ChatTemplateMessage[] {
  if (Array.isArray(item.input)) {
    return buildReplayMessages(content, { kind: 'messages', messages: item.input, spanId: '' });
  }
  return renderPromptMessages(content, item.input as Readonly<Record<string, unknown>>);
}

function failedItem(itemId: string, error: string): EvaluatedItem {
  return { itemId, score: null, passed: false, statuses: {}, rationales: {}, output: null, error };
}

/**
 * `evaluate(content, items)` for `runOptimization`. Every answer counts in `calls` and in the tokens and cost (so a
 * resumed run spends its budget exactly as the first one did); `paidCalls` counts only those not found in the cache.
 * A failed call (after retries) is that item's `error`, never a failed criterion.
 * @example
 * const evaluate = createEvaluatePort({ model: 'sim:schemaorg', checklist: compileChecklist(checklist), cache });
 * const { items, cost } = await evaluate(candidate, validationItems);
 */
export function createEvaluatePort(options: EvaluatePortOptions): OptimizationPorts['evaluate'] {
  const limiter = createLimiter(options.concurrency ?? 4);
  const model = options.cacheModelKey ?? modelKey(options.model);
  return async (content, items): Promise<EvaluationBatch> => {
    const params = options.params ?? readCallParams(content.params);
    const planned: Planned[] = await Promise.all(
      items.map(async (item): Promise<Planned> => {
        try {
          const messages = messagesFor(content, item);
          const key = await answerCacheKey({ model, params, messages, outputSchema: content.outputSchema });
          return { item, messages, key, error: null };
        } catch (error) {
          return { item, messages: null, key: null, error: errorMessage(error) };
        }
      }),
    );
    const keys = planned.flatMap((plan) => (plan.key === null ? [] : [plan.key]));
    const hits = options.cache === undefined ? new Map<string, CachedAnswer>() : await options.cache.lookup(keys);
    let calls = 0;
    let paidCalls = 0;
    let inputTokens = 0;
    let outputTokens = 0;
    let costUsd = 0;

    const writes: Promise<void>[] = [];
    const answer = async (plan: Planned): Promise<CachedAnswer> => {
      const hit = plan.key === null ? undefined : hits.get(plan.key);
      if (hit !== undefined) return hit;
      const result = await callModel({
        model: options.model,
        messages: plan.messages ?? [],
        params,
        ...(content.outputSchema !== null ? { outputSchema: content.outputSchema } : {}),
        ...(options.retry !== undefined ? { retry: options.retry } : {}),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.prices !== undefined ? { prices: options.prices } : {}),
        ...(options.resolve !== undefined ? { resolve: options.resolve } : {}),
        ...(options.signal !== undefined ? { signal: options.signal } : {}),
      });
      paidCalls++;
      const value: CachedAnswer = cachedAnswerOf(result);
      if (plan.key !== null) {
        // Identical requests within one batch (two items with the same input) are paid for once.
        hits.set(plan.key, value);
        // Written through at once, not at the end of the batch: a process killed mid-batch loses only the calls in
        // flight, and the resumed run finds every answer delivered before the kill. Outside the item's try/catch
        // below, so a store that cannot write fails the batch instead of passing as a failed model call.
        const write = options.cache?.put([{ key: plan.key, value }]) ?? Promise.resolve();
        // Handled here so a failed write waiting for the batch's end is not an unhandled rejection meanwhile.
        write.catch(() => {});
        writes.push(write);
      }
      return value;
    };

    const evaluated = await Promise.all(
      planned.map((plan) =>
        limiter.run(async (): Promise<EvaluatedItem> => {
          const itemId = plan.item.itemId;
          if (plan.messages === null) return failedItem(itemId, plan.error ?? 'the input does not fit the prompt');
          let got: CachedAnswer;
          try {
            got = await answer(plan);
          } catch (error) {
            return failedItem(itemId, `model call failed: ${errorMessage(error)}`);
          }
          calls++;
          inputTokens += got.inputTokens ?? 0;
          outputTokens += got.outputTokens ?? 0;
          costUsd += got.costUsd ?? 0;
          const result = await options.checklist.evaluate({
            output: got.text,
            ...('expected' in plan.item ? { expected: plan.item.expected } : {}),
            input: plan.item.input,
            latencyMs: got.latencyMs,
            inputTokens: got.inputTokens,
            outputTokens: got.outputTokens,
            totalTokens:
              got.inputTokens === null || got.outputTokens === null ? null : got.inputTokens + got.outputTokens,
            costUsd: got.costUsd,
            metadata: plan.item.metadata,
          });
          const statuses: Record<string, EvaluatedItem['statuses'][string]> = {};
          const rationales: Record<string, string> = {};
          for (const criterion of result.results) {
            statuses[criterion.criterionId] = criterion.status;
            const why = criterion.rationale ?? criterion.reason;
            if (why !== undefined && why !== null) rationales[criterion.criterionId] = why;
          }
          return {
            itemId,
            score: result.score,
            passed: result.passed,
            statuses,
            rationales,
            output: got.text,
            error: null,
          };
        }),
      ),
    );
    await Promise.all(writes);
    const cost: CallCost = { calls, paidCalls, inputTokens, outputTokens, costUsd };
    return { items: evaluated, cost };
  };
}
