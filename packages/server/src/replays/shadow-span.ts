// The shadow trace of one replayed source trace: a root span `replay <prompt>` built with the attributes the SDK's
// replayPrompt sets (prompt, environment, inputs, GenAI request/response, `kaizen.replay.*`), then normalised and
// redacted exactly as the ingest path treats an OTLP span, so it reads like the SDK's replay traces everywhere.
import {
  type Attributes,
  type ChatTemplateMessage,
  DEFAULT_PRICES,
  normalizeSpan,
  type OtlpSpan,
  OtlpSpanKind,
  OtlpStatusCode,
  type PriceTable,
  type PromptVersion,
  type Redactor,
  redactSpan,
  type Span,
} from '@kaizen/core';
import { type CachedAnswer, isSimulatedModel } from '@kaizen/models';
import type { ShadowIds } from './shadow-ids.js';

export interface ShadowSpanInput {
  readonly ids: ShadowIds;
  readonly experimentId: string;
  readonly candidate: PromptVersion;
  /** `provider:model` as the run spec names it. */
  readonly model: string;
  readonly targetEnvironment: string;
  readonly sourceEnvironment: string;
  readonly sourceTraceId: string;
  readonly sourceSpanId: string;
  /** The recorded variables; null when the input was a conversation. */
  readonly variables: Readonly<Record<string, unknown>> | null;
  readonly messages: readonly ChatTemplateMessage[];
  readonly answer: { readonly answer: CachedAnswer; readonly cached: boolean } | { readonly failure: string };
  /**
   * When the span starts: the run's request time (the spec's `until`), the same for every execution, so a rewrite
   * carries the span's whole key (Postgres keys spans by (trace id, span id, start time)); it lasts the answer's latency.
   */
  readonly startedAt: string;
}

export interface ShadowSpanOptions {
  readonly prices?: PriceTable | undefined;
  readonly redactor?: Redactor | undefined;
}

const nanos = (ms: number): string => (BigInt(Math.round(ms * 1000)) * 1000n).toString();

function genAiMessages(messages: readonly ChatTemplateMessage[]): string {
  return JSON.stringify(
    messages.map((message) => ({ role: message.role, parts: [{ type: 'text', content: message.content }] })),
  );
}

function resultAttributes(answer: CachedAnswer, cached: boolean): Attributes {
  return {
    'gen_ai.output.messages': JSON.stringify([{ role: 'assistant', parts: [{ type: 'text', content: answer.text }] }]),
    'gen_ai.response.model': answer.model,
    ...(answer.inputTokens !== null ? { 'gen_ai.usage.input_tokens': answer.inputTokens } : {}),
    ...(answer.outputTokens !== null ? { 'gen_ai.usage.output_tokens': answer.outputTokens } : {}),
    ...(answer.costUsd !== null ? { 'gen_ai.usage.cost': answer.costUsd } : {}),
    'kaizen.replay.cached': cached,
  };
}

/**
 * @example
 * const span = shadowSpan({ ids, experimentId, candidate, model: 'sim:schemaorg', … }, { prices, redactor });
 * await store.insertSpans(projectId, [span]); // a duplicate (not a second trace) when written again
 */
export function shadowSpan(input: ShadowSpanInput, options: ShadowSpanOptions = {}): Span {
  const { candidate, answer } = input;
  const colon = input.model.indexOf(':');
  const latencyMs = 'answer' in answer ? answer.answer.latencyMs : 0;
  const startMs = Date.parse(input.startedAt);
  const attributes: Attributes = {
    'kaizen.prompt.name': candidate.name,
    'kaizen.prompt.version': candidate.version,
    'kaizen.prompt.hash': candidate.hash,
    'kaizen.prompt.source': 'server',
    'kaizen.environment': input.targetEnvironment,
    ...(input.variables !== null ? { 'kaizen.prompt.variables': JSON.stringify(input.variables) } : {}),
    'gen_ai.operation.name': 'chat',
    'gen_ai.input.messages': genAiMessages(input.messages),
    'gen_ai.request.model': input.model.slice(colon + 1),
    'gen_ai.provider.name': input.model.slice(0, Math.max(colon, 0)),
    ...(isSimulatedModel(input.model) ? { 'kaizen.model.simulated': true } : {}),
    ...('answer' in answer
      ? resultAttributes(answer.answer, answer.cached)
      : { 'kaizen.replay.error': answer.failure }),
    'kaizen.replay.source_trace_id': input.sourceTraceId,
    'kaizen.replay.source_span_id': input.sourceSpanId,
    'kaizen.replay.source_environment': input.sourceEnvironment,
    'kaizen.replay.experiment_id': input.experimentId,
  };
  const otlp: OtlpSpan = {
    traceId: input.ids.traceId,
    spanId: input.ids.spanId,
    parentSpanId: null,
    name: `replay ${candidate.name}`,
    kind: OtlpSpanKind.internal,
    startTimeUnixNano: nanos(startMs),
    endTimeUnixNano: nanos(startMs + latencyMs),
    attributes,
    events: [],
    statusCode: 'answer' in answer ? OtlpStatusCode.unset : OtlpStatusCode.error,
    statusMessage: 'answer' in answer ? '' : answer.failure,
    resourceAttributes: { 'service.name': 'kaizen-server' },
    scopeName: 'kaizen.replay',
    scopeVersion: '1',
  };
  const span = normalizeSpan(otlp, { prices: options.prices ?? DEFAULT_PRICES });
  return options.redactor === undefined ? span : redactSpan(options.redactor, span, {});
}
