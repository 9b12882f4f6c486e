// Seeds traces through the real ingest path (OTLP/JSON with GenAI attributes to /v1/traces) and scores some of them
// with a checklist evaluator pushed through the API: support-agent traces across production, staging and shadow.
import { randomBytes } from 'node:crypto';
import type { ModelPort } from '@kaizen/core';
import { apiRequest, type WebServer } from './web-server.js';

export type AttributeValue = string | number | boolean;

export interface SpanSpec {
  readonly spanId?: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly startMs: number;
  readonly durationMs: number;
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
  /** OTLP status: error with its message. */
  readonly error?: string;
}

export interface TraceSpec {
  readonly traceId?: string;
  readonly spans: readonly SpanSpec[];
  /** Resource attributes (the environment usually sits here: `deployment.environment.name`). */
  readonly resource?: Readonly<Record<string, AttributeValue>>;
}

export const newTraceId = (): string => randomBytes(16).toString('hex');
export const newSpanId = (): string => randomBytes(8).toString('hex');

const nanos = (ms: number): string => (BigInt(Math.round(ms)) * 1_000_000n).toString();

function otlpValue(value: AttributeValue): Record<string, unknown> {
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  return Number.isInteger(value) ? { intValue: value } : { doubleValue: value };
}

const otlpAttributes = (attributes: Readonly<Record<string, AttributeValue>> = {}) =>
  Object.entries(attributes).map(([key, value]) => ({ key, value: otlpValue(value) }));

/** One OTLP/JSON export request holding the traces, one resource each. */
export function otlpJson(traces: readonly (TraceSpec & { readonly traceId: string })[]): string {
  return JSON.stringify({
    resourceSpans: traces.map((trace) => ({
      resource: { attributes: otlpAttributes(trace.resource) },
      scopeSpans: [
        {
          scope: { name: 'kaizen-web-e2e' },
          spans: trace.spans.map((span) => ({
            traceId: trace.traceId,
            spanId: span.spanId ?? newSpanId(),
            ...(span.parentSpanId !== undefined ? { parentSpanId: span.parentSpanId } : {}),
            name: span.name,
            kind: 3,
            startTimeUnixNano: nanos(span.startMs),
            endTimeUnixNano: nanos(span.startMs + span.durationMs),
            attributes: otlpAttributes(span.attributes),
            ...(span.error !== undefined ? { status: { code: 2, message: span.error } } : {}),
          })),
        },
      ],
    })),
  });
}

/** Ingests the traces with the project's key, 100 to a request; resolves with their ids once they are stored. */
export async function ingestTraces(web: WebServer, traces: readonly TraceSpec[]): Promise<string[]> {
  const withIds = traces.map((trace) => ({ ...trace, traceId: trace.traceId ?? newTraceId() }));
  for (let start = 0; start < withIds.length; start += 100) {
    const response = await fetch(`${web.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${web.key}` },
      body: otlpJson(withIds.slice(start, start + 100)),
    });
    if (!response.ok) throw new Error(`POST /v1/traces: ${response.status} ${await response.text()}`);
  }
  return withIds.map((trace) => trace.traceId);
}

/** GenAI semconv messages (`gen_ai.input.messages` / `gen_ai.output.messages`) as the attribute's JSON text. */
export function genAiMessages(messages: readonly { readonly role: string; readonly content: string }[]): string {
  return JSON.stringify(
    messages.map((message) => ({ role: message.role, parts: [{ type: 'text', content: message.content }] })),
  );
}

export const SEED_ENVIRONMENTS = ['production', 'staging', 'shadow'] as const;
export const SEED_MODELS = ['gpt-4o-mini', 'claude-3-5-haiku', 'gpt-4o'] as const;
export const SEED_PROMPTS = [
  { name: 'support-answer', versions: ['1', '2', '3'] },
  { name: 'order-lookup', versions: ['1', '2'] },
] as const;
export const SEED_EVALUATOR = 'answer-quality';
const SYSTEM_PROMPT = 'You are a support agent for an online shop. Answer in one sentence.';

/** Deterministic checks plus one judged criterion (errored without a judge; see seedJudge). */
export const SEED_EVALUATOR_DEFINITION = {
  name: SEED_EVALUATOR,
  passThreshold: 0.75,
  criteria: [
    { id: 'json', description: 'The answer is JSON', weight: 1, check: { kind: 'json_valid' } },
    {
      id: 'order-number',
      description: 'Mentions the order number',
      weight: 1,
      check: { kind: 'regex', pattern: '#\\d+' },
    },
    { id: 'fast', description: 'Answers within 1.5 s', weight: 1, check: { kind: 'max_latency_ms', max: 1500 } },
    {
      id: 'helpful',
      description: "Resolves the customer's question",
      weight: 2,
      check: { kind: 'llm_judge', question: "Does the answer resolve the customer's question?" },
    },
  ],
} as const;

/** A judge for `startWebServer({ onlineEvaluation: { judge: seedJudge } })`: "yes" unless the answer apologises. */
export const seedJudge: ModelPort = {
  async generate(request) {
    const prompt = request.messages.map((message) => message.content).join('\n');
    const ids = [...prompt.matchAll(/^\d+\. id "([^"]+)":/gm)].map((match) => match[1] as string);
    const sorry = /sorry/i.test(prompt);
    const answers = ids.map((id) => ({
      id,
      answer: sorry ? 'no' : 'yes',
      rationale: sorry ? 'The answer apologises instead of giving the status.' : 'It gives the order status.',
    }));
    return { text: JSON.stringify({ answers }), usage: { inputTokens: 50, outputTokens: 20 } };
  },
};

export interface SeededTrace {
  readonly traceId: string;
  readonly name: string;
  readonly environment: (typeof SEED_ENVIRONMENTS)[number];
  readonly model: (typeof SEED_MODELS)[number];
  readonly promptName: string;
  readonly promptVersion: string;
  readonly status: 'ok' | 'error';
  readonly startTime: string;
  /** Unique per trace ("order #1007"): a search for it finds this trace alone. */
  readonly orderNumber: string;
  readonly question: string;
  /** Null for a failed model call. */
  readonly answer: string | null;
}

export interface SeedTracesOptions {
  /** Default 30. */
  readonly count?: number;
  /** Start of the newest trace (index 0); default a minute ago. */
  readonly newestMs?: number;
  /** Between consecutive traces' starts; default 60 s. */
  readonly stepMs?: number;
  /** The newest this many traces are scored by SEED_EVALUATOR (pushed when > 0); default 5. */
  readonly scored?: number;
  /** Offsets the order numbers, so two seedings in one store stay distinguishable; default 0. */
  readonly firstIndex?: number;
}

/** The seeded trace at `index`: which environment, model, prompt, status and content it has. */
export function seedTraceSpec(
  index: number,
  startMs: number,
): { spec: TraceSpec; trace: Omit<SeededTrace, 'traceId'> } {
  const environment = SEED_ENVIRONMENTS[index % 3] ?? 'production';
  const model = SEED_MODELS[Math.floor(index / 3) % 3] ?? 'gpt-4o-mini';
  const prompt = SEED_PROMPTS[index % 5 === 4 ? 1 : 0];
  const promptVersion = prompt.versions[index % prompt.versions.length] ?? '1';
  const failed = index % 7 === 3;
  const orderNumber = `#${1000 + index}`;
  const question = `Where is my order ${orderNumber}?`;
  const answer = failed
    ? null
    : index % 2 === 0
      ? JSON.stringify({ answer: `Order ${orderNumber} ships tomorrow.`, confidence: 0.9 })
      : index % 6 === 1
        ? 'Sorry, I cannot find that order.'
        : `Your order ${orderNumber} is on its way.`;
  const rootId = newSpanId();
  const durationMs = 300 + ((index * 137) % 2000);
  const promptAttributes = { 'kaizen.prompt.name': prompt.name, 'kaizen.prompt.version': promptVersion };
  const inputTokens = 120 + (index % 50);
  const outputTokens = failed ? 0 : 25 + (index % 20);
  const spans: SpanSpec[] = [
    {
      spanId: rootId,
      name: 'support-request',
      startMs,
      durationMs,
      attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'support', ...promptAttributes },
    },
  ];
  let offset = 5;
  if (index % 2 === 0) {
    spans.push({
      parentSpanId: rootId,
      name: 'execute_tool lookup_order',
      startMs: startMs + offset,
      durationMs: 40,
      attributes: {
        'gen_ai.operation.name': 'execute_tool',
        'gen_ai.tool.name': 'lookup_order',
        'gen_ai.tool.call.arguments': JSON.stringify({ order: orderNumber }),
        'gen_ai.tool.call.result': JSON.stringify({ order: orderNumber, status: 'packed' }),
      },
    });
    offset += 45;
  }
  spans.push({
    parentSpanId: rootId,
    name: `chat ${model}`,
    startMs: startMs + offset,
    durationMs: durationMs - offset - 5,
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': model.startsWith('claude') ? 'anthropic' : 'openai',
      'gen_ai.request.model': model,
      'gen_ai.usage.input_tokens': inputTokens,
      'gen_ai.usage.output_tokens': outputTokens,
      'gen_ai.input.messages': genAiMessages([
        { role: 'system', content: SYSTEM_PROMPT },
        { role: 'user', content: question },
      ]),
      ...(answer !== null ? { 'gen_ai.output.messages': genAiMessages([{ role: 'assistant', content: answer }]) } : {}),
      ...promptAttributes,
    },
    ...(failed ? { error: '429 rate limited by the provider' } : {}),
  });
  return {
    spec: { spans, resource: { 'service.name': 'support-agent', 'deployment.environment.name': environment } },
    trace: {
      name: 'support-request',
      environment,
      model,
      promptName: prompt.name,
      promptVersion,
      status: failed ? 'error' : 'ok',
      startTime: new Date(startMs).toISOString(),
      orderNumber,
      question,
      answer,
    },
  };
}

/** Pushes SEED_EVALUATOR (idempotent: the same definition is the same version). */
export async function pushSeedEvaluator(web: WebServer): Promise<void> {
  await apiRequest(web, '/api/evaluators', 'POST', { name: SEED_EVALUATOR, definition: SEED_EVALUATOR_DEFINITION });
}

/** Scores a trace now with the evaluator (POST /api/traces/:id/scores, source "manual"). */
export async function scoreTrace(web: WebServer, traceId: string, evaluator = SEED_EVALUATOR): Promise<void> {
  await apiRequest(web, `/api/traces/${traceId}/scores`, 'POST', { evaluator });
}

/**
 * Ingests `count` traces, newest first (index 0 is the newest): environments rotate production → staging → shadow,
 * models change every three traces, every fifth uses the order-lookup prompt, every seventh (3, 10, 17, …) fails.
 *
 * @example
 * const { traces } = await seedTraces(web, { count: 120, scored: 3 });
 * traces[0].traceId; // the newest
 */
export async function seedTraces(
  web: WebServer,
  options: SeedTracesOptions = {},
): Promise<{ traces: SeededTrace[]; evaluator: string }> {
  const count = options.count ?? 30;
  const newest = options.newestMs ?? Date.now() - 60_000;
  const step = options.stepMs ?? 60_000;
  const first = options.firstIndex ?? 0;
  const built = Array.from({ length: count }, (_, offset) => seedTraceSpec(first + offset, newest - offset * step));
  const ids = await ingestTraces(
    web,
    built.map((item) => item.spec),
  );
  const traces = built.map((item, index) => ({ ...item.trace, traceId: ids[index] as string }));
  const scored = Math.min(options.scored ?? 5, count);
  if (scored > 0) {
    await pushSeedEvaluator(web);
    for (const trace of traces.slice(0, scored)) await scoreTrace(web, trace.traceId);
  }
  return { traces, evaluator: SEED_EVALUATOR };
}
