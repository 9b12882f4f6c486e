// The attributes a prompt span carries, in Kaizen's keys and the OpenTelemetry GenAI semantic conventions.
import type { ChatTemplateMessage } from '@kaizen/core';
import type { CallModelResult } from '@kaizen/models';
import { type Attributes, type Span, SpanStatusCode } from '@opentelemetry/api';
import type { ResolvedPrompt } from './resolve-prompt.js';

/** A GenAI semconv message (`gen_ai.input.messages`): role plus typed parts. */
function genAiMessage(message: ChatTemplateMessage): Record<string, unknown> {
  return { role: message.role, parts: [{ type: 'text', content: message.content }] };
}

/**
 * Set when the span starts, so even a call that fails says which prompt, version and inputs it ran.
 *
 * @example
 * tracer.startActiveSpan('prompt extractor', { attributes: promptStartAttributes(resolved, 'production', vars, messages) }, …);
 */
export function promptStartAttributes(
  resolved: ResolvedPrompt,
  environment: string,
  variables: unknown,
  messages: readonly ChatTemplateMessage[],
): Attributes {
  return {
    'kaizen.prompt.name': resolved.name,
    ...(resolved.version !== null ? { 'kaizen.prompt.version': resolved.version } : {}),
    'kaizen.prompt.hash': resolved.hash,
    'kaizen.prompt.source': resolved.source,
    'kaizen.environment': environment,
    // Replay reads these back to run a candidate version on the same inputs.
    'kaizen.prompt.variables': JSON.stringify(variables),
    'gen_ai.operation.name': 'chat',
    'gen_ai.input.messages': JSON.stringify(messages.map(genAiMessage)),
  };
}

/** The model as it is about to be called (before the call, so a failing call still names it). */
export function recordRequestModel(span: Span, model: { provider: string; modelId: string }, simulated: boolean): void {
  span.setAttribute('gen_ai.request.model', model.modelId);
  span.setAttribute('gen_ai.provider.name', model.provider.split('.')[0] ?? model.provider);
  // Every output of a simulated model must say so (SIMULATED-MODEL.md).
  if (simulated) span.setAttribute('kaizen.model.simulated', true);
}

/**
 * Output, usage, cost and finish reason of a finished call; the span's own duration is the latency.
 *
 * @example
 * recordCallResult(span, await callModel({ model, messages }));
 */
export function recordCallResult(span: Span, result: CallModelResult): void {
  const parts = [
    ...(result.text !== '' ? [{ type: 'text', content: result.text }] : []),
    ...result.toolCalls.map((call) => ({ type: 'tool_call', id: call.id, name: call.name, arguments: call.arguments })),
  ];
  span.setAttributes({
    'gen_ai.output.messages': JSON.stringify([{ role: 'assistant', parts, finish_reason: result.finishReason }]),
    'gen_ai.response.model': result.model,
    'gen_ai.response.finish_reasons': [result.finishReason],
    ...(result.usage.inputTokens !== null ? { 'gen_ai.usage.input_tokens': result.usage.inputTokens } : {}),
    ...(result.usage.outputTokens !== null ? { 'gen_ai.usage.output_tokens': result.usage.outputTokens } : {}),
    ...(result.costUsd !== null ? { 'gen_ai.usage.cost': result.costUsd } : {}),
    ...(result.simulated ? { 'kaizen.model.simulated': true } : {}),
  });
}

/**
 * Marks the span failed with the error as an exception event. The event is built here because OpenTelemetry's
 * recordException names the type after an error's `code`, which would turn every KaizenError into its code
 * (`internal`); the class name says more. `kaizen.output.error` is set for output that broke its contract, so those
 * failures can be told apart from provider errors without parsing messages.
 */
export function recordFailure(span: Span, error: unknown, outputError?: string): void {
  const exception = error instanceof Error ? error : new Error(String(error));
  span.addEvent('exception', {
    'exception.type': exception.name,
    'exception.message': exception.message,
    ...(exception.stack !== undefined ? { 'exception.stacktrace': exception.stack } : {}),
  });
  span.setStatus({ code: SpanStatusCode.ERROR, message: exception.message });
  if (outputError !== undefined) span.setAttribute('kaizen.output.error', outputError);
}
