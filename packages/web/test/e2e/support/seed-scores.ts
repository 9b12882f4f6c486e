// Scored traces with a planted root cause, for the dashboard and insights browser tests: an evaluator and a prompt
// through the API, traces spread over the last days written to the store, one score each, and label moves.
import type { Span } from '@kaizen/core';
import { apiRequest, type WebServer } from './web-server.js';

export const SEED_EVALUATOR = 'extractor-quality';
export const SEED_PROMPT = 'extractor';
export const SEED_MODELS = ['gpt-4o-mini', 'claude-3-5-haiku', 'model-x'] as const;
/** The planted cause: this criterion fails on most traces of this model and rarely elsewhere. */
export const PLANTED = { criterion: 'price_is_number', model: 'model-x' } as const;

const DEFINITION = {
  name: SEED_EVALUATOR,
  passThreshold: 0.6,
  criteria: [
    { id: PLANTED.criterion, description: 'offers.price is a number', weight: 2, check: { kind: 'json_valid' } },
    { id: 'concise', description: 'At most 80 words', weight: 1, check: { kind: 'custom', name: 'concise' } },
  ],
};

export interface SeededScores {
  /** Oldest first. */
  readonly traceIds: readonly string[];
  /** The traces of the planted model whose planted criterion failed. */
  readonly plantedFailures: ReadonlySet<string>;
  /** Titles of the release markers the label moves make (e.g. "extractor production → v2 (from v1)"). */
  readonly releases: readonly string[];
}

/** Spans written per store transaction. */
const INSERT_BATCH = 5000;

/** A deterministic pseudo-random stream, so the planted data is the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const hex = (value: number, length: number) => value.toString(16).padStart(length, '0');

function traceSpan(index: number, startMs: number, promptVersion: string, next: () => number): Span {
  const model = SEED_MODELS[index % SEED_MODELS.length] ?? 'gpt-4o-mini';
  const durationMs = Math.round(400 + next() * 900 + (model === PLANTED.model ? 600 : 0));
  const inputTokens = 300 + Math.round(next() * 200);
  const outputTokens = 60 + Math.round(next() * 60);
  const startTime = new Date(startMs).toISOString();
  const page = `product-${index}`;
  return {
    traceId: `5eed${hex(index, 28)}`,
    spanId: hex(index + 1, 16),
    parentSpanId: null,
    name: `chat ${model}`,
    kind: 'llm',
    startTime,
    endTime: new Date(startMs + durationMs).toISOString(),
    durationMs,
    status: next() < 0.06 ? 'error' : 'ok',
    statusMessage: null,
    model,
    provider: 'seed',
    inputTokens,
    outputTokens,
    totalTokens: inputTokens + outputTokens,
    costUsd: (inputTokens * 0.15 + outputTokens * 0.6) / 1_000_000,
    input: [
      { role: 'system', content: 'Extract the product as schema.org JSON.' },
      { role: 'user', content: `<html><h1>${page}</h1><span class="price">19.99 EUR</span></html>` },
    ],
    output: [{ role: 'assistant', content: JSON.stringify({ name: page, offers: { price: '19.99' } }) }],
    promptName: SEED_PROMPT,
    promptVersion,
    environment: index % 5 === 4 ? 'staging' : 'production',
    sessionId: null,
    userId: null,
    attributes: {},
  };
}

/**
 * @example
 * const seeded = await seedScoredTraces(web, { traces: 240 });
 * // 240 traces over the last 3 days, one score each; "price_is_number" fails on most "model-x" traces
 */
export async function seedScoredTraces(
  web: WebServer,
  options: { readonly traces?: number; readonly nowMs?: number } = {},
): Promise<SeededScores> {
  const count = options.traces ?? 240;
  const nowMs = options.nowMs ?? Date.now();
  const next = random(11);
  await apiRequest(web, '/api/evaluators', 'POST', { name: SEED_EVALUATOR, definition: DEFINITION });
  for (const suffix of ['', ' Prices are numbers, never strings.']) {
    await apiRequest(web, `/api/prompts/${SEED_PROMPT}/versions`, 'POST', {
      template: [{ role: 'system', content: `Extract the product as schema.org JSON.${suffix}` }],
    });
  }

  // Label moves happen now (the registry stamps them): production gets v1, then is promoted to v2. Before the bulk
  // writes, so no API call waits behind them on a keep-alive connection the server has since closed.
  await apiRequest(web, `/api/prompts/${SEED_PROMPT}/labels/production`, 'PUT', { version: 1 });
  await apiRequest(web, `/api/prompts/${SEED_PROMPT}/labels/production`, 'PUT', { version: 2 });

  // Spread over the last 3 days, ending 5 minutes ago; the newest third runs v2.
  const spanMs = 3 * 86_400_000;
  const spans = Array.from({ length: count }, (_, index) => {
    const startMs = nowMs - 300_000 - spanMs + Math.round(((index + 0.5) / count) * spanMs);
    return traceSpan(index, startMs, index >= (count * 2) / 3 ? '2' : '1', next);
  });
  for (let start = 0; start < spans.length; start += INSERT_BATCH) {
    await web.store.insertSpans(web.project.id, spans.slice(start, start + INSERT_BATCH));
  }

  const plantedFailures = new Set<string>();
  for (const span of spans) {
    const planted = next() < (span.model === PLANTED.model ? 0.8 : 0.05);
    const concise = next() >= 0.1;
    if (planted && span.model === PLANTED.model) plantedFailures.add(span.traceId);
    const score = ((planted ? 0 : 2) + (concise ? 1 : 0)) / 3;
    await web.store.scores.write(web.project.id, {
      traceId: span.traceId,
      evaluatorName: SEED_EVALUATOR,
      evaluatorVersion: 1,
      score,
      passed: score >= DEFINITION.passThreshold,
      label: score >= DEFINITION.passThreshold ? 'pass' : 'fail',
      results: [
        {
          criterionId: PLANTED.criterion,
          status: planted ? 'failed' : 'passed',
          rationale: planted ? 'offers.price is the string "19.99", not a number' : null,
        },
        { criterionId: 'concise', status: concise ? 'passed' : 'failed', rationale: null },
      ],
      source: 'manual',
      evaluatedAt: new Date(nowMs).toISOString(),
    });
  }

  return {
    traceIds: spans.map((span) => span.traceId),
    plantedFailures,
    releases: [`${SEED_PROMPT} production → v1`, `${SEED_PROMPT} production → v2 (from v1)`],
  };
}
