// Unit tests: which parsed message lists the Message model holds in full.
import { describe, expect, it } from 'vitest';
import { isPlainMessages, isPlainPartsText } from './plain-messages.js';

describe('isPlainMessages', () => {
  it('accepts text messages in the GenAI, OpenAI and AI SDK shapes, with tool calls', () => {
    expect(isPlainMessages([{ role: 'user', content: 'Hi' }])).toBe(true);
    expect(isPlainMessages([{ role: 'user', parts: [{ type: 'text', content: 'Hi' }] }])).toBe(true);
    expect(isPlainMessages([{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }])).toBe(true);
    expect(
      isPlainMessages([
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'c1', type: 'function', function: { name: 'weather', arguments: '{}' } }],
        },
        { role: 'tool', content: 'sunny', tool_call_id: 'c1' },
      ]),
    ).toBe(true);
    expect(
      isPlainMessages([
        { role: 'assistant', content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 'weather', input: {} }] },
      ]),
    ).toBe(true);
  });

  it('refuses what the Message model would drop, join or coerce', () => {
    expect(isPlainMessages([])).toBe(false);
    expect(isPlainMessages({ role: 'user', content: 'Hi' })).toBe(false);
    expect(isPlainMessages([{ role: ' ', content: 'Hi' }])).toBe(false);
    expect(isPlainMessages([{ role: 'user', content: 'Hi', name: '' }])).toBe(false);
    expect(isPlainMessages([{ role: 'user', content: 'a', parts: [{ type: 'text', content: 'b' }] }])).toBe(false);
    expect(isPlainMessages([{ role: 'user', content: 42 }])).toBe(false);
    expect(isPlainMessages([{ role: 'user', content: [{ type: 'image', url: 'x' }] }])).toBe(false);
    expect(isPlainMessages([{ role: 'user', content: [{ type: 'text', text: 'a', cache: true }] }])).toBe(false);
    expect(isPlainMessages([{ role: 'tool', content: 'x', tool_call_id: 'a', toolCallId: 'b' }])).toBe(false);
    expect(
      isPlainMessages([{ role: 'assistant', tool_calls: [{ id: 'c1', name: 'a', toolName: 'b', arguments: '{}' }] }]),
    ).toBe(false);
    expect(isPlainMessages([{ role: 'assistant', tool_calls: [{ id: 'c1', arguments: '{}' }] }])).toBe(false);
  });
});

describe('isPlainPartsText', () => {
  it('accepts one text part only', () => {
    expect(isPlainPartsText([{ type: 'text', content: 'Be brief.' }])).toBe(true);
    expect(isPlainPartsText(['Be brief.'])).toBe(true);
    expect(
      isPlainPartsText([
        { type: 'text', content: 'a' },
        { type: 'text', content: 'b' },
      ]),
    ).toBe(false);
    expect(isPlainPartsText([{ type: 'text', content: ' ' }])).toBe(false);
    expect(isPlainPartsText('Be brief.')).toBe(false);
  });
});
