// The ingest-side metrics: spans stored per project, and tokens, cost and latency of the model calls they carry.
import type { EncodedSpans, InsertSpansResult, SpansToInsert, Store } from '@kaizen/store';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { LabelLimiter } from './label-limiter.js';
import { modelCalls } from './model-calls.js';

/** Seconds; model calls range from a cached embedding to a long reasoning answer. */
const LLM_LATENCY_BUCKETS = [0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120, 300];

interface Totals {
  readonly labels: Record<string, string>;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** Whether any call of the group reported tokens or cost: a group without usage adds no zero series. */
  tokens: boolean;
  cost: boolean;
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
    // Summed per label set first: prom-client hashes the labels on every call, a batch has few distinct sets.
    const groups = new Map<string, Totals>();
    for (const call of modelCalls(spans)) {
      const prompt = limiter.value('llm', 'prompt', call.promptName);
      const version = limiter.value('llm', 'version', call.promptVersion);
      const environment = limiter.value('llm', 'environment', call.environment);
      const model = limiter.value('llm', 'model', call.model);
      latency.observe({ project, prompt, environment, model }, call.durationMs / 1000);
      if (call.inputTokens === null && call.outputTokens === null && call.costUsd === null) continue;
      const key = `${prompt}\u0000${version}\u0000${environment}\u0000${model}`;
      let group = groups.get(key);
      if (group === undefined) {
        group = {
          labels: { project, prompt, version, environment, model },
          inputTokens: 0,
          outputTokens: 0,
          costUsd: 0,
          tokens: false,
          cost: false,
        };
        groups.set(key, group);
      }
      group.inputTokens += call.inputTokens ?? 0;
      group.outputTokens += call.outputTokens ?? 0;
      group.costUsd += call.costUsd ?? 0;
      group.tokens ||= call.inputTokens !== null || call.outputTokens !== null;
      group.cost ||= call.costUsd !== null;
    }
    for (const group of groups.values()) {
      if (group.tokens) {
        tokens.inc({ ...group.labels, direction: 'input' }, group.inputTokens);
        tokens.inc({ ...group.labels, direction: 'output' }, group.outputTokens);
      }
      if (group.cost) cost.inc(group.labels, group.costUsd);
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
