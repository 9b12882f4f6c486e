// Maps one OTLP span, whatever convention its instrumentation follows, to Kaizen's Span model.
import { computeCost } from './compute-cost.js';
import { type ConventionFields, mergeConventionFields } from './convention-fields.js';
import { conventionPresence } from './convention-presence.js';
import { spanTimes } from './format-time.js';
import { mapAiSdk } from './map-ai-sdk.js';
import { mapGenAi } from './map-genai.js';
import { mapKaizen } from './map-kaizen.js';
import { mapLangfuse, mapLangfuseTrace } from './map-langfuse.js';
import { mapOpenInference } from './map-openinference.js';
import { mapTraceloop } from './map-traceloop.js';
import type { OtlpSpan } from './otlp-span.js';
import type { PriceTable } from './price-table.js';
import { resolveEnvironment } from './resolve-environment.js';
import { resolveKind } from './resolve-kind.js';
import { resolveModel, resolveProvider } from './resolve-model.js';
import { resolveStatus } from './resolve-status.js';
import type { Span } from './span.js';
import { spanAttributes } from './span-attributes.js';
import type { Content } from './span-content.js';

/** The attributes the input and output were read from in full: left out of the raw attributes. */
function contentKeys(input: Content | undefined, output: Content | undefined): readonly string[] {
  const inputKeys = input?.keys ?? [];
  const outputKeys = output?.keys ?? [];
  return outputKeys.length === 0 ? inputKeys : inputKeys.length === 0 ? outputKeys : [...inputKeys, ...outputKeys];
}

export interface NormalizeOptions {
  /** Prices for spans that report usage but no cost; see DEFAULT_PRICES and mergePrices. */
  readonly prices: PriceTable;
}

/**
 * Normalises one span. Pure and total: untrusted attribute values of the wrong type or invalid JSON fall back to the
 * raw value (or to null), never to an exception.
 *
 * Each field comes from the first convention that has it, in this order (see mergeConventionFields):
 * 1. Kaizen (`kaizen.*`) and 2. Langfuse (`langfuse.*`): set on purpose by the application, so they override what
 *    an instrumentation inferred.
 * 3. AI SDK (`ai.*`): its spans also carry `gen_ai.*` copies; `ai.*` has the fuller content (tool calls, object).
 * 4. GenAI semconv: structured messages (attributes, details event, per-message events, content events, flattened
 *    keys) before the plain `gen_ai.prompt` string and tool call values.
 * 5. OpenInference: `llm.input_messages` before `input.value` — on an LLM span `input.value` is the raw request
 *    body, the messages are what evaluators and the UI need; the body stays in `attributes`.
 * 6. OpenLLMetry entity input/output: JSON of function arguments, the least structured.
 * 7. Langfuse trace input/output (`langfuse.trace.*`): the whole trace's, only when the span has nothing of its own.
 * Model, provider, kind, environment and status have their own key orders (resolve-*.ts). The attributes an input
 * or output was read from in full are left out of `attributes` (see Content in span-content.ts).
 *
 * @example
 * const span = normalizeSpan(otlpSpan, { prices: DEFAULT_PRICES });
 * span.kind; // 'llm'
 * span.costUsd; // from the reported cost, else tokens × DEFAULT_PRICES, else null
 */
export function normalizeSpan(span: OtlpSpan, options: NormalizeOptions): Span {
  const present = conventionPresence(span);
  // In priority order; a convention absent from the span would contribute nothing.
  const contributions: ConventionFields[] = [];
  if (present.kaizen) contributions.push(mapKaizen(span));
  if (present.langfuse) contributions.push(mapLangfuse(span));
  if (present.aiSdk) contributions.push(mapAiSdk(span));
  if (present.genAi) contributions.push(mapGenAi(span));
  if (present.openInference) contributions.push(mapOpenInference(span));
  if (present.traceloop) contributions.push(mapTraceloop(span));
  if (present.langfuse) contributions.push(mapLangfuseTrace(span));
  const fields = mergeConventionFields(contributions);
  const model = resolveModel(span.attributes);
  const inputTokens = tokenCount(fields.inputTokens);
  const outputTokens = tokenCount(fields.outputTokens);
  const cacheReadTokens = tokenCount(fields.cacheReadTokens);
  const totalTokens =
    tokenCount(fields.totalTokens) ??
    (inputTokens !== null || outputTokens !== null ? (inputTokens ?? 0) + (outputTokens ?? 0) : null);
  const reportedCost = fields.costUsd;
  const costUsd =
    (reportedCost !== undefined && Number.isFinite(reportedCost) && reportedCost >= 0 ? reportedCost : null) ??
    computeCost(options.prices, model, { inputTokens, outputTokens, cacheReadTokens });
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: span.parentSpanId === '' ? null : span.parentSpanId,
    name: span.name,
    kind: resolveKind(span),
    ...spanTimes(span.startTimeUnixNano, span.endTimeUnixNano),
    ...resolveStatus(span),
    model,
    provider: resolveProvider(span.attributes),
    inputTokens,
    outputTokens,
    totalTokens,
    costUsd,
    input: fields.input?.value ?? null,
    output: fields.output?.value ?? null,
    promptName: fields.promptName ?? null,
    promptVersion: fields.promptVersion ?? null,
    environment: resolveEnvironment(span),
    sessionId: fields.sessionId ?? null,
    userId: fields.userId ?? null,
    attributes: spanAttributes(span, contentKeys(fields.input, fields.output)),
  };
}

/** Largest count kept: far above any real usage, and within every store's integer column. */
const MAX_TOKENS = 2 ** 40;

/**
 * A reported token count, or null when it cannot be one (fractional, negative, absurdly large): such a value is
 * dropped so the rest of the span — and of its batch — is stored, instead of the store refusing the whole batch.
 */
function tokenCount(value: number | undefined): number | null {
  if (value === undefined || !Number.isInteger(value) || value < 0 || value > MAX_TOKENS) return null;
  return value;
}
