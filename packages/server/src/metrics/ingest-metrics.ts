// The ingest-side metrics: spans stored per project, and tokens, cost and latency of the model calls they carry.
import type { EncodedSpans, InsertSpansResult, SpansToInsert, Store } from '@kaizen/store';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { LabelLimiter } from './label-limiter.js';
import { type ModelCall, modelCalls } from './model-calls.js';

/** Seconds; model calls range from a cached embedding to a long reasoning answer. */
const LLM_LATENCY_BUCKETS = [0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120, 300];

/** The model calls of one batch that share prompt, version, environment and model. */
interface Group {
  readonly call: ModelCall;
  /** Seconds, one per call. */
  readonly latencies: number[];
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** Whether any call reported tokens / cost: a group without usage adds no zero series. */
  tokens: boolean;
  cost: boolean;
}

/** Calls grouped by their label values: labels are limited and hashed once per group, not once per call. */
function groupCalls(calls: readonly ModelCall[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const call of calls) {
    const key = `${call.promptName ?? ''}\u0000${call.promptVersion ?? ''}\u0000${call.environment ?? ''}\u0000${call.model ?? ''}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { call, latencies: [], inputTokens: 0, outputTokens: 0, costUsd: 0, tokens: false, cost: false };
      groups.set(key, group);
    }
    group.latencies.push(call.durationMs / 1000);
    group.inputTokens += call.inputTokens ?? 0;
    group.outputTokens += call.outputTokens ?? 0;
    group.costUsd += call.costUsd ?? 0;
    group.tokens ||= call.inputTokens !== null || call.outputTokens !== null;
    group.cost ||= call.costUsd !== null;
  }
  return groups;
}

/** Model calls the batch worker already found, by the encoded batch they belong to (see `attachModelCalls`). */
const precomputed = new WeakMap<EncodedSpans, readonly ModelCall[]>();

/**
 * Hands the metrics the model calls the batch worker found in `spans`, so counting them after the commit costs the
 * event loop no scan of the rows.
 * @example
 * attachModelCalls(batch.spans, batch.modelCalls); await store.insertSpans(projectId, batch.spans);
 */
export function attachModelCalls(spans: EncodedSpans, calls: readonly ModelCall[]): void {
  precomputed.set(spans, calls);
}

export interface IngestMetrics {
  /** Counts one committed `insertSpans`. Never throws. */
  stored(projectId: string, spans: SpansToInsert, result: InsertSpansResult): void;
}

export function createIngestMetrics(registry: Registry, limiter: LabelLimiter): IngestMetrics {
  const spansTotal = new Counter({
    name: 'kaizen_ingested_spans_total',
    help: 'Spans written to the store by OTLP ingest (exporter retries of stored spans not counted)',
    labelNames: ['project'],
    registers: [registry],
  });
  const tokens = new Counter({
    name: 'kaizen_llm_tokens_total',
    help: 'Tokens of ingested model calls, each call counted once; direction is input or output',
    labelNames: ['project', 'prompt', 'version', 'environment', 'model', 'direction'],
    registers: [registry],
  });
  const cost = new Counter({
    name: 'kaizen_llm_cost_usd_total',
    help: 'Cost in US dollars of ingested model calls (reported, or from the price table)',
    labelNames: ['project', 'prompt', 'version', 'environment', 'model'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'kaizen_llm_latency_seconds',
    help: 'Duration of ingested model calls (llm and embedding spans)',
    labelNames: ['project', 'prompt', 'environment', 'model'],
    buckets: LLM_LATENCY_BUCKETS,
    registers: [registry],
  });

  function countCalls(projectId: string, spans: EncodedSpans): void {
    const project = limiter.value('llm', 'project', projectId);
    const calls = precomputed.get(spans) ?? modelCalls(spans);
    for (const { call, latencies, ...usage } of groupCalls(calls).values()) {
      const prompt = limiter.value('llm', 'prompt', call.promptName);
      const environment = limiter.value('llm', 'environment', call.environment);
      const model = limiter.value('llm', 'model', call.model);
      const labels = {
        project,
        prompt,
        version: limiter.value('llm', 'version', call.promptVersion),
        environment,
        model,
      };
      const latencyLabels = { project, prompt, environment, model };
      for (const seconds of latencies) latency.observe(latencyLabels, seconds);
      if (usage.tokens) {
        tokens.inc({ ...labels, direction: 'input' }, usage.inputTokens);
        tokens.inc({ ...labels, direction: 'output' }, usage.outputTokens);
      }
      if (usage.cost) cost.inc(labels, usage.costUsd);
    }
  }

  return {
    stored(projectId, spans, result) {
      if (result.inserted > 0)
        spansTotal.inc({ project: limiter.value('ingest', 'project', projectId) }, result.inserted);
      // Span objects come from other callers (tests, tools); the ingest path always hands encoded batches.
      if (Array.isArray(spans)) return;
      const encoded = spans as EncodedSpans;
      const distinct = encoded.traces.reduce((sum, trace) => sum + trace.spanCount, 0);
      // Only a wholly new batch: a retry's spans were counted when first stored, and which spans of a partly stored
      // batch are new is not known without reading the store (left uncounted rather than counted twice).
      if (result.inserted === 0 || result.inserted < distinct) return;
      countCalls(projectId, encoded);
    },
  };
}

/**
 * The store with `insertSpans` counted by `metrics` after each commit; every other member is the store's own.
 *
 * @example
 * const ingestStore = observeIngestMetrics(store, createIngestMetrics(registry, limiter));
 */
export function observeIngestMetrics(store: Store, metrics: IngestMetrics, onError: (error: unknown) => void): Store {
  const insertSpans: Store['insertSpans'] = async (projectId, spans) => {
    const result = await store.insertSpans(projectId, spans);
    try {
      metrics.stored(projectId, spans, result);
    } catch (error) {
      onError(error);
    }
    return result;
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'insertSpans') return insertSpans;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
