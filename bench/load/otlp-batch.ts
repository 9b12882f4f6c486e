// OTLP/JSON request bodies for bench:load: a few whole traces per request (agent → model calls and tool calls).
import { randomBytes } from 'node:crypto';

export interface BatchShape {
  readonly tracesPerBatch: number;
  /** Spans per trace, root included (at least 1). */
  readonly spansPerTrace: number;
}

export interface LoadBatch {
  readonly traceIds: readonly string[];
  /** `traceId:spanId` of every span in the body. */
  readonly spanKeys: readonly string[];
  readonly body: string;
}

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');
const nanos = (ms: number): string => (BigInt(Math.round(ms * 1000)) * 1000n).toString();
const text = (key: string, value: string) => ({ key, value: { stringValue: value } });
const int = (key: string, value: number) => ({ key, value: { intValue: value } });

/**
 * The root's output is what online evaluation reads. One trace in ten answers with broken JSON, so the checks see
 * failures as well as passes (a score is written either way).
 */
function rootOutput(index: number): string {
  const answer = { answer: `Order ${index} ships on Monday`, confidence: 0.8, sources: ['kb/shipping'] };
  return index % 10 === 9 ? `{"answer": "Order ${index} ships` : JSON.stringify(answer);
}

function traceSpans(traceId: string, index: number, spansPerTrace: number, nowMs: number): Record<string, unknown>[] {
  const rootId = hex(8);
  const start = nowMs - 2000;
  const spans: Record<string, unknown>[] = [
    {
      traceId,
      spanId: rootId,
      name: 'support-agent',
      kind: 2,
      startTimeUnixNano: nanos(start),
      endTimeUnixNano: nanos(nowMs),
      attributes: [
        text('input.value', `Where is order ${index}?`),
        text('output.value', rootOutput(index)),
        text('deployment.environment.name', 'production'),
      ],
    },
  ];
  for (let child = 1; child < spansPerTrace; child += 1) {
    const childStart = start + child * 100;
    const isModelCall = child % 2 === 1;
    spans.push({
      traceId,
      spanId: hex(8),
      parentSpanId: rootId,
      name: isModelCall ? 'chat gpt-4o-mini' : 'lookup_order',
      kind: isModelCall ? 3 : 1,
      startTimeUnixNano: nanos(childStart),
      endTimeUnixNano: nanos(childStart + 80),
      attributes: isModelCall
        ? [
            text('gen_ai.operation.name', 'chat'),
            text('gen_ai.request.model', 'gpt-4o-mini'),
            text('gen_ai.system', 'openai'),
            int('gen_ai.usage.input_tokens', 420 + child),
            int('gen_ai.usage.output_tokens', 60 + child),
            text('gen_ai.input.messages', JSON.stringify([{ role: 'user', content: `Where is order ${index}?` }])),
            text('gen_ai.output.messages', JSON.stringify([{ role: 'assistant', content: 'Looking it up.' }])),
          ]
        : [text('gen_ai.tool.name', 'lookup_order'), text('input.value', `{"order":${index}}`)],
    });
  }
  return spans;
}

let traceCounter = 0;

/** One request body of `tracesPerBatch` complete traces, timestamped now. */
export function buildBatch(shape: BatchShape): LoadBatch {
  const nowMs = Date.now();
  const traceIds: string[] = [];
  const spans: Record<string, unknown>[] = [];
  for (let trace = 0; trace < shape.tracesPerBatch; trace += 1) {
    const traceId = hex(16);
    traceIds.push(traceId);
    spans.push(...traceSpans(traceId, traceCounter++, Math.max(1, shape.spansPerTrace), nowMs));
  }
  const body = JSON.stringify({
    resourceSpans: [
      {
        resource: {
          attributes: [text('service.name', 'bench-load'), text('deployment.environment.name', 'production')],
        },
        scopeSpans: [{ scope: { name: 'bench-load' }, spans }],
      },
    ],
  });
  return { traceIds, spanKeys: spans.map((span) => `${span.traceId}:${span.spanId}`), body };
}
