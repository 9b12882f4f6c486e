// Runs a prompt: resolve the version, render it, call the model inside a `prompt <name>` span that records it all.
import { type ChatTemplateMessage, KaizenError } from '@kaizen/core';
import { callModel, readCallParams, resolveModel } from '@kaizen/models';
import { SIMULATED_PROVIDER } from '@kaizen/models/simulated';
import type { AttributeValue, Span } from '@opentelemetry/api';
import { consoleLogger } from '../logger.js';
import type { GenerateOptions, RunnablePrompt, SafeGenerateResult } from './generate-types.js';
import type { PromptClient } from './prompt-client.js';
import { PromptOutputError } from './prompt-output-error.js';
import { promptStartAttributes, recordCallResult, recordFailure, recordRequestModel } from './prompt-span.js';
import { renderMessages } from './render-prompt.js';
import { type ResolvedPrompt, resolveFromCode, resolvePrompt } from './resolve-prompt.js';

/** Renders the resolved version; one the code's variables cannot fill falls back to the code's own template. */
async function renderResolved(
  client: PromptClient,
  prompt: RunnablePrompt,
  resolved: ResolvedPrompt,
  variables: Readonly<Record<string, unknown>>,
): Promise<{ resolved: ResolvedPrompt; messages: ChatTemplateMessage[] }> {
  try {
    return { resolved, messages: renderMessages(resolved.content, variables) };
  } catch (error) {
    if (resolved.source === 'code' || !KaizenError.isInstance(error)) throw error;
    (client.logger ?? consoleLogger).warn(
      `prompt "${prompt.name}" version ${resolved.version} cannot be rendered (${error.message}); using the template in code`,
    );
    const fallback = await resolveFromCode(client, prompt, error);
    return { resolved: fallback, messages: renderMessages(fallback.content, variables) };
  }
}

async function callInSpan<T>(
  span: Span,
  client: PromptClient,
  prompt: RunnablePrompt,
  resolved: ResolvedPrompt,
  messages: ChatTemplateMessage[],
  options: GenerateOptions,
): Promise<SafeGenerateResult<T>> {
  const chosen = options.model ?? resolved.content.model ?? prompt.model;
  if (chosen === undefined) {
    throw new KaizenError(
      'invalid_input',
      `prompt "${prompt.name}" has no model: set one in prompt() or pass options.model`,
    );
  }
  const model = typeof chosen === 'string' ? resolveModel(chosen) : chosen;
  recordRequestModel(span, model, model.provider === SIMULATED_PROVIDER);
  const metadata: Record<string, AttributeValue> = {
    kaizenPromptName: prompt.name,
    ...(resolved.version !== null ? { kaizenPromptVersion: String(resolved.version) } : {}),
    ...options.metadata,
  };
  const result = await callModel({
    model,
    messages,
    params: readCallParams(resolved.content.params),
    ...(prompt.output !== undefined ? { outputSchema: prompt.output } : {}),
    ...(options.tools !== undefined ? { tools: options.tools } : {}),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    telemetry: { isEnabled: true, tracer: client.tracer, functionId: prompt.name, metadata },
  });
  recordCallResult(span, result);
  const { traceId, spanId } = span.spanContext();
  const { content: _content, ...promptInfo } = resolved;
  if (result.outputError !== undefined) {
    const error = new PromptOutputError(`prompt "${prompt.name}": ${result.outputError.message}`, {
      kind: result.outputError.kind,
      promptName: prompt.name,
      promptVersion: resolved.version,
      text: result.text,
      traceId,
      spanId,
    });
    recordFailure(span, error, result.outputError.message);
    return { success: false, error };
  }
  // The AI SDK validated `object` with the prompt's own zod schema, so it has the schema's output type.
  const output = (prompt.output !== undefined ? result.object : result.text) as T;
  const { text, toolCalls, usage, costUsd, simulated } = result;
  return {
    success: true,
    output,
    text,
    prompt: promptInfo,
    toolCalls,
    usage,
    costUsd,
    model: result.model,
    simulated,
    traceId,
    spanId,
  };
}

/**
 * Resolution, rendering and the model call of `prompt().generate`, as one function. Variables must already be
 * parsed by the prompt's schema.
 *
 * @example
 * const result = await generatePrompt(client, runnable, { html, url }, {});
 * if (result.success) console.log(result.output);
 */
export async function generatePrompt<T>(
  client: PromptClient,
  prompt: RunnablePrompt,
  variables: Readonly<Record<string, unknown>>,
  options: GenerateOptions,
): Promise<SafeGenerateResult<T>> {
  const rendered = await renderResolved(client, prompt, await resolvePrompt(client, prompt), variables);
  const attributes = promptStartAttributes(rendered.resolved, client.environment, variables, rendered.messages);
  return client.tracer.startActiveSpan(`prompt ${prompt.name}`, { attributes }, async (span) => {
    try {
      return await callInSpan<T>(span, client, prompt, rendered.resolved, rendered.messages, options);
    } catch (error) {
      recordFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}
