// Shadow replay: runs a candidate prompt version on the inputs of real production traces, recording each run as a
// new trace in the `shadow` environment linked to the trace it replays. Production data is only read.
import {
  buildReplayMessages,
  extractReplayInput,
  KaizenError,
  type PromptVersion,
  type TraceSummary,
} from '@kaizen/core';
import { callModel, createLimiter, readCallParams, resolveModel } from '@kaizen/models';
import { SIMULATED_PROVIDER } from '@kaizen/models/simulated';
import { TraceFlags } from '@opentelemetry/api';
import type { KaizenClient } from '../client/init.js';
import { promptStartAttributes, recordCallResult, recordFailure, recordRequestModel } from '../prompt/prompt-span.js';
import { listSourceTraces } from './list-source-traces.js';
import type { ReplayItem, ReplayOptions, ReplaySummary } from './replay-types.js';

export const SHADOW_ENVIRONMENT = 'shadow';

type ReplayClient = Pick<KaizenClient, 'api' | 'tracer' | 'flush'>;

async function replayOne(
  client: ReplayClient,
  candidate: PromptVersion,
  modelSpec: string,
  source: TraceSummary,
  from: string,
): Promise<ReplayItem> {
  const skipped = (reason: string): ReplayItem => ({
    sourceTraceId: source.traceId,
    shadowTraceId: null,
    status: 'skipped',
    reason,
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    latencyMs: null,
  });
  const { spans } = await client.api.getTrace(source.traceId);
  const input = extractReplayInput(spans, candidate.name);
  if (input === null) return skipped('the trace recorded neither variables nor messages for this prompt');
  let messages: ReturnType<typeof buildReplayMessages>;
  try {
    messages = buildReplayMessages(candidate, input);
  } catch (error) {
    return skipped(error instanceof Error ? error.message : String(error));
  }
  const model = resolveModel(modelSpec);
  const attributes = {
    ...promptStartAttributes(
      { name: candidate.name, source: 'server', content: candidate, version: candidate.version, hash: candidate.hash },
      SHADOW_ENVIRONMENT,
      input.kind === 'variables' ? input.variables : null,
      messages,
    ),
    'kaizen.replay.source_trace_id': source.traceId,
    'kaizen.replay.source_span_id': input.spanId,
    'kaizen.replay.source_environment': from,
  };
  // A new root trace per replayed item, linked (OTel span link) to the production span it replays.
  const links = [{ context: { traceId: source.traceId, spanId: input.spanId, traceFlags: TraceFlags.SAMPLED } }];
  return client.tracer.startActiveSpan(
    `replay ${candidate.name}`,
    { root: true, attributes, links },
    async (span): Promise<ReplayItem> => {
      const shadowTraceId = span.spanContext().traceId;
      try {
        recordRequestModel(span, model, model.provider === SIMULATED_PROVIDER);
        const result = await callModel({
          model,
          messages,
          params: readCallParams(candidate.params),
          ...(candidate.outputSchema !== null ? { outputSchema: candidate.outputSchema } : {}),
          telemetry: { isEnabled: true, tracer: client.tracer, functionId: candidate.name },
        });
        recordCallResult(span, result);
        if (result.outputError !== undefined)
          recordFailure(span, new Error(result.outputError.message), result.outputError.message);
        return {
          sourceTraceId: source.traceId,
          shadowTraceId,
          status: result.outputError === undefined ? 'ok' : 'error',
          ...(result.outputError !== undefined ? { reason: result.outputError.message } : {}),
          inputTokens: result.usage.inputTokens,
          outputTokens: result.usage.outputTokens,
          costUsd: result.costUsd,
          latencyMs: result.latencyMs,
        };
      } catch (error) {
        recordFailure(span, error);
        return {
          sourceTraceId: source.traceId,
          shadowTraceId,
          status: 'error',
          reason: error instanceof Error ? error.message : String(error),
          inputTokens: null,
          outputTokens: null,
          costUsd: null,
          latencyMs: null,
        };
      } finally {
        span.end();
      }
    },
  );
}

function summarise(
  items: readonly ReplayItem[],
): Pick<ReplaySummary, 'replayed' | 'failed' | 'skipped' | 'inputTokens' | 'outputTokens' | 'costUsd'> {
  const called = items.filter((item) => item.status !== 'skipped');
  return {
    replayed: items.filter((item) => item.status === 'ok').length,
    failed: items.filter((item) => item.status === 'error').length,
    skipped: items.length - called.length,
    inputTokens: called.reduce((sum, item) => sum + (item.inputTokens ?? 0), 0),
    outputTokens: called.reduce((sum, item) => sum + (item.outputTokens ?? 0), 0),
    costUsd:
      called.length > 0 && called.every((item) => item.costUsd !== null)
        ? called.reduce((sum, item) => sum + (item.costUsd ?? 0), 0)
        : null,
  };
}

/**
 * The client must have been made with `environment: 'shadow'`, so every span of the replay lands in that view.
 *
 * @example
 * const client = init({ url, apiKey, environment: 'shadow' });
 * const summary = await replayPrompt(client, { promptName: 'extractor', candidateVersion: 4, limit: 100 });
 * console.log(summary.replayed, summary.failed);
 */
export async function replayPrompt(
  client: ReplayClient & { environment: string },
  options: ReplayOptions,
): Promise<ReplaySummary> {
  if (client.environment !== SHADOW_ENVIRONMENT) {
    throw new KaizenError(
      'invalid_input',
      `replay writes to the shadow view: init the client with environment "shadow", not "${client.environment}"`,
    );
  }
  const from = options.from ?? 'production';
  if (from === SHADOW_ENVIRONMENT)
    throw new KaizenError('invalid_input', 'replay reads from a real environment, not from "shadow"');
  const candidate = await client.api.prompts.getVersion(options.promptName, options.candidateVersion);
  const modelSpec = options.model ?? candidate.model;
  if (modelSpec === null) {
    throw new KaizenError(
      'invalid_input',
      `version ${candidate.version} of "${candidate.name}" has no model: pass one with --model`,
    );
  }
  const model = resolveModel(modelSpec);
  const sources = await listSourceTraces(client.api, {
    promptName: options.promptName,
    environment: from,
    limit: options.limit ?? 50,
    ...(options.since !== undefined ? { since: options.since } : {}),
  });
  const limiter = createLimiter(options.concurrency ?? 4);
  const items: ReplayItem[] = [];
  const report = () =>
    options.onProgress?.({
      total: sources.length,
      done: items.length,
      failed: items.filter((item) => item.status === 'error').length,
      skipped: items.filter((item) => item.status === 'skipped').length,
    });
  report();
  const ordered = await Promise.all(
    sources.map((source) =>
      limiter.run(async () => {
        const item = await replayOne(client, candidate, modelSpec, source, from);
        items.push(item);
        report();
        return item;
      }),
    ),
  );
  // Acknowledged spans only: the summary is returned once the shadow traces have been sent.
  await client.flush();
  return {
    promptName: candidate.name,
    candidateVersion: candidate.version,
    from,
    environment: SHADOW_ENVIRONMENT,
    model: modelSpec,
    simulated: model.provider === SIMULATED_PROVIDER,
    total: sources.length,
    ...summarise(ordered),
    items: ordered,
  };
}
