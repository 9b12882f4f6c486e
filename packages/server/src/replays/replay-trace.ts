// One source trace replayed: the candidate's answer (cache or model call), its shadow span and the experiment item.
// A trace whose input does not fit the candidate is an item with the reason and no shadow trace (the SDK skips it too).
import type {
  ChecklistResult,
  DatasetItem,
  ExperimentItemRun,
  PriceTable,
  PromptVersion,
  Redactor,
  Span,
} from '@kaizen/core';
import { type DatasetItemPlan, experimentItemRun } from '@kaizen/models';
import { type AnswerContext, answerOnce } from '../experiments/answer-once.js';
import type { ReplayRunSpec } from './replay-run-spec.js';
import { shadowIds } from './shadow-ids.js';
import { shadowSpan } from './shadow-span.js';

/** A replay has no checklist: what an empty checklist scores (no verdict), so the summary counts no error. */
const NO_CRITERIA: ChecklistResult = {
  score: null,
  passed: false,
  label: 'skipped',
  results: [],
  errors: 0,
  judgeUsage: null,
};

export interface ReplayTraceContext {
  readonly experimentId: string;
  readonly spec: ReplayRunSpec;
  readonly candidate: PromptVersion;
  readonly answers: AnswerContext;
  readonly prices?: PriceTable | undefined;
  readonly redactor?: Redactor | undefined;
}

export interface ReplayedTrace {
  readonly span: Span | null;
  readonly item: ExperimentItemRun;
}

/**
 * Throws only when the run must stop: the signal aborted or the cache could not be written.
 * @example
 * const { span, item } = await replayTrace(context, plan); // item.itemId is the source trace id
 */
export async function replayTrace(
  context: ReplayTraceContext,
  plan: DatasetItemPlan<DatasetItem>,
): Promise<ReplayedTrace> {
  const source = plan.item;
  const itemId = source.itemId;
  if (plan.messages === null || plan.key === null) {
    return {
      span: null,
      item: experimentItemRun(itemId, { error: `skipped: ${plan.error ?? 'the input does not fit the prompt'}` }),
    };
  }
  const got = await answerOnce(context.answers, plan.key, plan.messages);
  const sourceSpanId = source.metadata.sourceSpanId;
  const span = shadowSpan(
    {
      ids: shadowIds(context.experimentId, source.sourceTraceId ?? itemId),
      experimentId: context.experimentId,
      candidate: context.candidate,
      model: context.spec.model,
      targetEnvironment: context.spec.targetEnvironment,
      sourceEnvironment: context.spec.sourceEnvironment,
      sourceTraceId: source.sourceTraceId ?? itemId,
      sourceSpanId: typeof sourceSpanId === 'string' ? sourceSpanId : '',
      variables: Array.isArray(source.input) ? null : (source.input as Readonly<Record<string, unknown>>),
      messages: plan.messages,
      answer: got,
      startedAt: context.spec.until,
    },
    { prices: context.prices, redactor: context.redactor },
  );
  if ('failure' in got) return { span, item: experimentItemRun(itemId, { error: got.failure }) };
  const { text, inputTokens, outputTokens, costUsd, latencyMs } = got.answer;
  const item = experimentItemRun(itemId, {
    output: text,
    cached: got.cached,
    result: NO_CRITERIA,
    inputTokens,
    outputTokens,
    costUsd,
    latencyMs,
  });
  return { span, item };
}
