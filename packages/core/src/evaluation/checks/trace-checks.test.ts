import { describe, expect, it } from 'vitest';
import type { Span } from '../../trace/span.js';
import { evaluateCheck, makeSpan, statusOf } from '../testing/evaluate-check.js';

// An agent: root → model call (asks for get_weather) → tool span → model call (final answer).
const agentTrace: Span[] = [
  makeSpan({ spanId: 'root', kind: 'agent', name: 'invoke_agent', output: 'It is sunny in Paris.' }),
  makeSpan({
    spanId: 'llm1',
    parentSpanId: 'root',
    kind: 'llm',
    startTime: '2026-01-01T00:00:00.100Z',
    output: [
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' }],
      },
    ],
  }),
  makeSpan({
    spanId: 'tool1',
    parentSpanId: 'root',
    kind: 'tool',
    name: 'execute_tool get_weather',
    startTime: '2026-01-01T00:00:00.200Z',
    input: '{"city":"Paris"}',
    attributes: { 'gen_ai.tool.name': 'get_weather', 'gen_ai.tool.call.id': 'call_1' },
  }),
  makeSpan({
    spanId: 'llm2',
    parentSpanId: 'root',
    kind: 'llm',
    startTime: '2026-01-01T00:00:00.300Z',
    output: [{ role: 'assistant', content: 'It is sunny in Paris.' }],
  }),
];

const subject = { output: 'It is sunny in Paris.', spans: agentTrace };

describe('tool_called / tool_not_called', () => {
  it('sees tools called by the model or executed as tool spans', async () => {
    expect(await statusOf({ kind: 'tool_called', tool: 'get_weather' }, subject)).toBe('passed');
    expect(await statusOf({ kind: 'tool_called', tool: 'search' }, subject)).toBe('failed');
    expect(await statusOf({ kind: 'tool_not_called', tool: 'search' }, subject)).toBe('passed');
    const called = await evaluateCheck({ kind: 'tool_not_called', tool: 'get_weather' }, subject);
    // The model's call and the tool span share call_1: one call, not two.
    expect(called).toMatchObject({ status: 'failed', rationale: 'tool "get_weather" was called 1 time(s)' });
  });

  it('reads a tool span alone, named by attribute or span name', async () => {
    const spans = [makeSpan({ spanId: 't', kind: 'tool', name: 'execute_tool lookup', input: '{}' })];
    expect(await statusOf({ kind: 'tool_called', tool: 'lookup' }, { output: '', spans })).toBe('passed');
  });

  it('skips without spans', async () => {
    expect(await evaluateCheck({ kind: 'tool_called', tool: 'x' }, { output: '' })).toMatchObject({
      status: 'skipped',
      reason: 'the item has no spans',
    });
    expect(await statusOf({ kind: 'tool_not_called', tool: 'x' }, { output: '', spans: [] })).toBe('skipped');
  });
});

describe('tool_args_valid', () => {
  const schema = {
    type: 'object',
    required: ['city'],
    properties: { city: { type: 'string' } },
    additionalProperties: false,
  };

  it('validates every call of the tool', async () => {
    expect(await statusOf({ kind: 'tool_args_valid', tool: 'get_weather', schema }, subject)).toBe('passed');
    const badArgs = agentTrace.map((span) =>
      span.spanId === 'llm1'
        ? {
            ...span,
            output: [{ role: 'assistant', content: '', toolCalls: [{ name: 'get_weather', arguments: '{"town":1}' }] }],
          }
        : span,
    );
    const result = await evaluateCheck(
      { kind: 'tool_args_valid', tool: 'get_weather', schema },
      { output: '', spans: badArgs },
    );
    expect(result.status).toBe('failed');
    expect(result.rationale).toMatch(/^call 1 of "get_weather": \$ must have required property 'city'/);
  });

  it('fails arguments that are not JSON and skips an uncalled tool', async () => {
    const spans = [makeSpan({ spanId: 't', kind: 'tool', name: 'get_weather', input: '{"city": "Par' })];
    const result = await evaluateCheck({ kind: 'tool_args_valid', tool: 'get_weather', schema }, { output: '', spans });
    expect(result).toMatchObject({
      status: 'failed',
      rationale: 'call 1 of "get_weather": arguments are not valid JSON',
    });
    expect(await statusOf({ kind: 'tool_args_valid', tool: 'search', schema }, subject)).toBe('skipped');
  });
});

describe('max_steps / max_model_calls', () => {
  it('counts model calls, and steps as model calls plus tool executions', async () => {
    expect(await evaluateCheck({ kind: 'max_model_calls', max: 2 }, subject)).toMatchObject({
      status: 'passed',
      rationale: '2 model calls',
    });
    expect(await statusOf({ kind: 'max_model_calls', max: 1 }, subject)).toBe('failed');
    expect(await statusOf({ kind: 'max_steps', max: 3 }, subject)).toBe('passed');
    expect(await statusOf({ kind: 'max_steps', max: 2 }, subject)).toBe('failed');
  });

  it('does not count a wrapper llm span whose child is the real call', async () => {
    const spans = [makeSpan({ spanId: 'w', kind: 'llm' }), makeSpan({ spanId: 'c', parentSpanId: 'w', kind: 'llm' })];
    expect(await statusOf({ kind: 'max_model_calls', max: 1 }, { output: '', spans })).toBe('passed');
  });
});

describe('no_span_error / final_answer_present', () => {
  it('fails on any span in error, naming it', async () => {
    expect(await statusOf({ kind: 'no_span_error' }, subject)).toBe('passed');
    const spans = [...agentTrace, makeSpan({ spanId: 'e', status: 'error', name: 'search', statusMessage: 'timeout' })];
    expect(await evaluateCheck({ kind: 'no_span_error' }, { output: '', spans })).toMatchObject({
      status: 'failed',
      rationale: '1 span(s) in error: "search": timeout',
    });
  });

  it('needs non-blank final output', async () => {
    expect(await statusOf({ kind: 'final_answer_present' }, subject)).toBe('passed');
    expect(await statusOf({ kind: 'final_answer_present' }, ' \n')).toBe('failed');
  });
});
