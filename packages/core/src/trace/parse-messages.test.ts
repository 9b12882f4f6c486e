import { describe, expect, it } from 'vitest';
import { partsText, toMessages, toSpanIO, toToolCall, withContentParts } from './parse-messages.js';

describe('toMessages', () => {
  it('reads OpenAI chat messages with tool calls and tool answers', () => {
    expect(
      toMessages([
        { role: 'user', content: 'Weather?', name: 'alice' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
      ]),
    ).toEqual([
      { role: 'user', content: 'Weather?', name: 'alice' },
      { role: 'assistant', content: '', toolCalls: [{ id: 'call_1', name: 'weather', arguments: '{"city":"Paris"}' }] },
      { role: 'tool', content: 'sunny', toolCallId: 'call_1' },
    ]);
  });

  it('reads Anthropic content blocks and a {system, messages} request', () => {
    expect(
      toMessages({
        system: [{ type: 'text', text: 'Be terse.' }],
        messages: [
          {
            role: 'assistant',
            content: [{ type: 'tool_use', id: 'toolu_1', name: 'weather', input: { city: 'Paris' } }],
          },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'sunny' }] },
        ],
      }),
    ).toEqual([
      { role: 'system', content: 'Be terse.' },
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'toolu_1', name: 'weather', arguments: '{"city":"Paris"}' }],
      },
      { role: 'user', content: 'sunny', toolCallId: 'toolu_1' },
    ]);
  });

  it('splits a tool message answering several calls into one message per answer', () => {
    expect(
      toMessages([
        {
          role: 'tool',
          content: [
            { type: 'tool-result', toolCallId: 'a', toolName: 'x', result: 1 },
            { type: 'tool-result', toolCallId: 'b', toolName: 'y', output: { type: 'text', value: 'two' } },
          ],
        },
      ]),
    ).toEqual([
      { role: 'tool', content: '1', toolCallId: 'a' },
      { role: 'tool', content: 'two', toolCallId: 'b' },
    ]);
  });

  it('joins text parts and leaves out reasoning and images', () => {
    expect(
      toMessages([
        {
          role: 'assistant',
          parts: [
            { type: 'reasoning', content: 'secret thoughts' },
            { type: 'text', content: 'Hello' },
            { type: 'uri', modality: 'image', uri: 'https://x' },
            { type: 'text', content: 'world' },
          ],
        },
      ]),
    ).toEqual([{ role: 'assistant', content: 'Hello\nworld' }]);
  });

  it('returns undefined for values that are not messages', () => {
    expect(toMessages([])).toBeUndefined();
    expect(toMessages([{ content: 'no role' }])).toBeUndefined();
    expect(toMessages({ inputs: { question: 'Hi' } })).toBeUndefined();
    expect(toMessages('text')).toBeUndefined();
    expect(toMessages({ messages: [{ id: 1 }] })).toBeUndefined();
  });
});

describe('toSpanIO', () => {
  it('parses message JSON and keeps every other string exactly as sent', () => {
    expect(toSpanIO('[{"role":"user","content":"Hi"}]')).toEqual([{ role: 'user', content: 'Hi' }]);
    expect(toSpanIO(' {"inputs": {"q": 1}} ')).toBe(' {"inputs": {"q": 1}} ');
    expect(toSpanIO('[1, 2')).toBe('[1, 2');
    expect(toSpanIO('plain')).toBe('plain');
  });

  it('serialises structured non-message values and returns undefined for nothing', () => {
    expect(toSpanIO({ a: 1 })).toBe('{"a":1}');
    expect(toSpanIO(42)).toBe('42');
    expect(toSpanIO('')).toBeUndefined();
    expect(toSpanIO(null)).toBeUndefined();
    expect(toSpanIO(undefined)).toBeUndefined();
  });
});

describe('toToolCall, partsText, withContentParts', () => {
  it('needs a name', () => {
    expect(toToolCall({ id: 'x', arguments: '{}' })).toBeUndefined();
    expect(toToolCall({ toolCallId: 'c', toolName: 't', args: { a: 1 } })).toEqual({
      id: 'c',
      name: 't',
      arguments: '{"a":1}',
    });
  });

  it('joins the text of instruction parts', () => {
    expect(partsText([{ type: 'text', content: 'a' }, { type: 'text', text: 'b' }, 'c'])).toBe('a\nb\nc');
    expect(partsText('plain')).toBe('plain');
  });

  it('parses only JSON part lists in content', () => {
    expect(withContentParts({ role: 'user', content: '[{"type":"text","text":"Hi"}]' })).toEqual({
      role: 'user',
      content: [{ type: 'text', text: 'Hi' }],
    });
    const literal = { role: 'user', content: '[1, 2, 3] is a list' };
    expect(withContentParts(literal)).toBe(literal);
    const untyped = { role: 'user', content: '[{"a":1}]' };
    expect(withContentParts(untyped)).toBe(untyped);
  });
});
