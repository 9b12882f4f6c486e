// Agent traces shaped like real exports: an agent root repeating its calls' usage, model calls with chat
// messages, tool and retriever steps; children before parents, as a batch span processor sends them.
import type { Message, Span } from '@kaizen/core';
import { isoAt, makeSpan, makeStepSpan, newSpanId, newTraceId } from '../test/contract/span-fixtures.js';

const QUESTION = 'My order #48213 arrived damaged: the screen is cracked. Can I get a replacement or a refund? ';
const SYSTEM = 'You are the support agent of an electronics shop. Follow the refund policy strictly. '.repeat(12);

function conversation(turn: number): Message[] {
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: QUESTION.repeat(2) },
    ...Array.from({ length: turn }, (_, index) => ({
      role: 'tool',
      content: JSON.stringify({ order: 48213, status: 'delivered', step: index, items: ['phone', 'case'] }),
      toolCallId: `call_${index}`,
    })),
  ];
}

/** `spansPerTrace` spans per trace: one agent root, then alternating model calls and tool or retriever steps. */
export function realisticTrace(start: string, spansPerTrace: number): Span[] {
  const traceId = newTraceId();
  const rootId = newSpanId();
  const children: Span[] = [];
  for (let index = 0; index < spansPerTrace - 1; index += 1) {
    const startTime = isoAt(start, 10 + index * 120);
    const common = { traceId, parentSpanId: rootId, startTime, environment: 'production', sessionId: 'session-42' };
    if (index % 2 === 0) {
      children.push(
        makeSpan({
          ...common,
          name: 'chat gpt-4o-mini',
          durationMs: 110.25,
          promptName: 'support/answer',
          promptVersion: '12',
          input: conversation(index / 2),
          output: [{ role: 'assistant', content: 'I am sorry about the damage. I can offer a replacement.' }],
          attributes: {
            'gen_ai.system': 'openai',
            'gen_ai.request.model': 'gpt-4o-mini',
            'gen_ai.request.temperature': 0.2,
            'gen_ai.response.id': `chatcmpl-${traceId.slice(0, 12)}-${index}`,
            'gen_ai.response.finish_reasons': ['stop'],
            resource: { 'service.name': 'support-agent', 'service.version': '1.8.0', 'deployment.environment': 'prod' },
          },
        }),
      );
    } else {
      children.push(
        makeStepSpan({
          ...common,
          name: index % 4 === 1 ? 'execute_tool lookup_order' : 'retrieve policy',
          kind: index % 4 === 1 ? 'tool' : 'retriever',
          durationMs: 8.5,
          input: JSON.stringify({ orderId: 48213 }),
          output: JSON.stringify({ status: 'delivered', carrier: 'DHL', policy: 'Refund within 30 days.' }),
          attributes: { 'tool.name': 'lookup_order', resource: { 'service.name': 'support-agent' } },
        }),
      );
    }
  }
  const calls = children.filter((span) => span.inputTokens !== null);
  const root = makeSpan({
    traceId,
    spanId: rootId,
    name: 'invoke_agent support',
    kind: 'agent',
    startTime: start,
    durationMs: spansPerTrace * 120 + 20,
    environment: 'production',
    sessionId: 'session-42',
    userId: 'user-7',
    input: QUESTION,
    output: 'A replacement is on its way.',
    inputTokens: calls.length * 30,
    outputTokens: calls.length * 12,
    totalTokens: calls.length * 42,
    costUsd: calls.length * 0.0000117,
  });
  return [...children, root];
}

/** `count` spans in traces of `spansPerTrace`, one trace starting every 50 ms. */
export function realisticSpans(count: number, spansPerTrace = 10): Span[] {
  const spans: Span[] = [];
  for (let trace = 0; spans.length < count; trace += 1) {
    spans.push(...realisticTrace(isoAt('2025-03-01T12:00:00.000Z', trace * 50), spansPerTrace));
  }
  return spans.slice(0, count);
}
