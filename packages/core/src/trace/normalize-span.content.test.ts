// Unit tests: content attributes read in full into input/output are left out of the raw attributes; others stay.
import { describe, expect, it } from 'vitest';
import { normalizeSpan } from './normalize-span.js';
import type { Attributes } from './otlp-span.js';
import { DEFAULT_PRICES } from './price-table.js';
import { event, makeOtlpSpan } from './testing/make-otlp-span.js';

const options = { prices: DEFAULT_PRICES };

function normalize(attributes: Attributes, events = makeOtlpSpan().events) {
  return normalizeSpan(makeOtlpSpan({ name: 'chat', attributes, events }), options);
}

const text = (content: string) => ({ type: 'text', content });

describe('normalizeSpan: content stored once', () => {
  it('leaves out GenAI messages and system instructions that input and output hold in full', () => {
    const span = normalize({
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.system_instructions': JSON.stringify([text('Be brief.')]),
      'gen_ai.input.messages': JSON.stringify([{ role: 'user', parts: [text('Hi')] }]),
      'gen_ai.output.messages': JSON.stringify([{ role: 'assistant', parts: [text('Hello')] }]),
      'app.feature': 'greeting',
    });
    expect(span.input).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
    ]);
    expect(span.output).toEqual([{ role: 'assistant', content: 'Hello' }]);
    expect(Object.keys(span.attributes)).toEqual([
      'gen_ai.operation.name',
      'gen_ai.request.model',
      'app.feature',
      'kaizen.resource',
    ]);
  });

  it('keeps messages raw when the message model would drop part of them', () => {
    const withFinishReason = JSON.stringify([{ role: 'assistant', parts: [text('Hi')], finish_reason: 'stop' }]);
    const withReasoning = JSON.stringify([
      { role: 'assistant', parts: [{ type: 'reasoning', content: 'The user greets me.' }, text('Hi')] },
    ]);
    const twoTexts = JSON.stringify([{ role: 'user', parts: [text('a'), text('b')] }]);
    const toolResponse = JSON.stringify([
      { role: 'tool', parts: [{ type: 'tool_call_response', id: 'c1', response: 'sunny' }] },
    ]);
    for (const messages of [withFinishReason, withReasoning, twoTexts, toolResponse]) {
      const span = normalize({ 'gen_ai.input.messages': messages, 'gen_ai.output.messages': messages });
      expect(span.input).not.toBeNull();
      expect(span.attributes['gen_ai.input.messages']).toBe(messages);
      expect(span.attributes['gen_ai.output.messages']).toBe(messages);
    }
  });

  it('leaves out tool calls with one name and one set of arguments', () => {
    const messages = JSON.stringify([
      { role: 'assistant', parts: [{ type: 'tool_call', id: 'c1', name: 'weather', arguments: { city: 'Paris' } }] },
    ]);
    const span = normalize({ 'gen_ai.output.messages': messages });
    expect(span.output).toEqual([
      { role: 'assistant', content: '', toolCalls: [{ id: 'c1', name: 'weather', arguments: '{"city":"Paris"}' }] },
    ]);
    expect(span.attributes).not.toHaveProperty('gen_ai.output.messages');
  });

  it('leaves out a value kept exactly as sent, and keeps one that was reshaped', () => {
    const broken = normalize({ 'gen_ai.input.messages': '[{"role":', 'gen_ai.output.messages': 17 });
    expect(broken.input).toBe('[{"role":');
    expect(broken.attributes).not.toHaveProperty('gen_ai.input.messages');
    expect(broken.output).toBe('17');
    expect(broken.attributes['gen_ai.output.messages']).toBe(17);

    const tool = normalize({
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.call.arguments': '{"id":"A-1"}',
      'gen_ai.tool.call.result': { status: 'shipped' },
    });
    expect(tool.input).toBe('{"id":"A-1"}');
    expect(tool.attributes).not.toHaveProperty('gen_ai.tool.call.arguments');
    expect(tool.output).toBe('{"status":"shipped"}');
    expect(tool.attributes['gen_ai.tool.call.result']).toEqual({ status: 'shipped' });
  });

  it('leaves out only the attributes the input and output were read from', () => {
    // The AI SDK writes ai.* and gen_ai.* copies; ai.prompt.messages wins, the gen_ai copy stays raw.
    const copy = JSON.stringify([{ role: 'user', parts: [text('Hi')] }]);
    const span = normalize({
      'ai.prompt.messages': JSON.stringify([{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }]),
      'gen_ai.input.messages': copy,
    });
    expect(span.input).toEqual([{ role: 'user', content: 'Hi' }]);
    expect(span.attributes).not.toHaveProperty('ai.prompt.messages');
    expect(span.attributes['gen_ai.input.messages']).toBe(copy);
  });

  it('keeps content read from events in kaizen.events and the span attributes untouched', () => {
    const span = normalize({ 'gen_ai.request.model': 'gpt-4o' }, [
      event('gen_ai.user.message', { content: 'Hi' }),
      event('gen_ai.choice', { message: '{"content":"Hello"}' }),
    ]);
    expect(span.input).toEqual([{ role: 'user', content: 'Hi' }]);
    expect(span.attributes['kaizen.events']).toHaveLength(2);
    expect(span.attributes['gen_ai.request.model']).toBe('gpt-4o');
  });

  it('leaves out flattened OpenInference and OpenLLMetry messages, unless a field would be dropped', () => {
    const openInference = normalize({
      'openinference.span.kind': 'LLM',
      'llm.input_messages.0.message.role': 'user',
      'llm.input_messages.0.message.content': 'What is 2+2?',
      'llm.output_messages.0.message.role': 'assistant',
      'llm.output_messages.0.message.contents.0.message_content.type': 'text',
      'llm.output_messages.0.message.contents.0.message_content.text': '4',
      'input.value': '{"messages":[{"role":"user","content":"What is 2+2?"}],"temperature":0}',
    });
    expect(openInference.input).toEqual([{ role: 'user', content: 'What is 2+2?' }]);
    expect(openInference.output).toEqual([{ role: 'assistant', content: '4' }]);
    expect(Object.keys(openInference.attributes)).toEqual([
      'openinference.span.kind',
      'input.value',
      'kaizen.resource',
    ]);

    const extraField = normalize({
      'llm.input_messages.0.message.role': 'assistant',
      'llm.input_messages.0.message.content': '',
      'llm.input_messages.0.message.function_call_name': 'lookup',
    });
    expect(extraField.attributes['llm.input_messages.0.message.function_call_name']).toBe('lookup');
    expect(extraField.attributes['llm.input_messages.0.message.role']).toBe('assistant');

    const traceloop = normalize({
      'gen_ai.prompt.0.role': 'user',
      'gen_ai.prompt.0.content': 'Hi',
      'gen_ai.completion.0.role': 'assistant',
      'gen_ai.completion.0.content': 'Hello',
      'gen_ai.completion.0.finish_reason': 'stop',
    });
    expect(traceloop.input).toEqual([{ role: 'user', content: 'Hi' }]);
    expect(traceloop.attributes).not.toHaveProperty('gen_ai.prompt.0.content');
    expect(traceloop.attributes['gen_ai.completion.0.content']).toBe('Hello');
    expect(traceloop.attributes['gen_ai.completion.0.finish_reason']).toBe('stop');
  });

  it('leaves out AI SDK text responses and prompts, and keeps tool calls and tool results raw', () => {
    const span = normalize({
      'ai.prompt': '{"system":"Be brief.","prompt":"Hi"}',
      'ai.response.text': 'Hello',
    });
    expect(span.input).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
    ]);
    expect(span.output).toEqual([{ role: 'assistant', content: 'Hello' }]);
    expect(Object.keys(span.attributes)).toEqual(['kaizen.resource']);

    const calls = '[{"toolCallId":"c1","toolName":"weather","input":{"city":"Paris"}}]';
    const results = JSON.stringify([
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'c1', toolName: 'weather', output: 'sunny' }] },
    ]);
    const tools = normalize({
      'ai.prompt.messages': results,
      'ai.response.text': 'Let me check.',
      'ai.response.toolCalls': calls,
    });
    expect(tools.output).toMatchObject([{ role: 'assistant', content: 'Let me check.' }]);
    expect(tools.attributes['ai.prompt.messages']).toBe(results);
    expect(tools.attributes['ai.response.text']).toBe('Let me check.');
    expect(tools.attributes['ai.response.toolCalls']).toBe(calls);
  });

  it('leaves out Langfuse and OpenLLMetry entity values kept as sent', () => {
    const span = normalize({
      'langfuse.observation.input': '{"ticketId":"T-1"}',
      'traceloop.entity.output': '{"outputs":{"answer":"42"}}',
      'langfuse.observation.metadata.ticket': 'T-1',
    });
    expect(span.input).toBe('{"ticketId":"T-1"}');
    expect(span.output).toBe('{"outputs":{"answer":"42"}}');
    expect(Object.keys(span.attributes)).toEqual(['langfuse.observation.metadata.ticket', 'kaizen.resource']);
  });
});
