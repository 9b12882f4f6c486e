import { describe, expect, it } from 'vitest';
import { unflatten } from './unflatten.js';

describe('unflatten', () => {
  it('rebuilds nested arrays and objects ordered by numeric index', () => {
    expect(
      unflatten(
        {
          'llm.input_messages.1.message.role': 'user',
          'llm.input_messages.0.message.role': 'system',
          'llm.input_messages.1.message.tool_calls.0.tool_call.id': 'c1',
          'llm.input_messages.10.message.role': 'assistant',
          'llm.input_messagesX': 'not under the prefix',
          'other.key': 1,
        },
        'llm.input_messages',
      ),
    ).toEqual([
      { message: { role: 'system' } },
      { message: { role: 'user', tool_calls: [{ tool_call: { id: 'c1' } }] } },
      { message: { role: 'assistant' } },
    ]);
  });

  it('returns undefined when no key is under the prefix', () => {
    expect(unflatten({ 'gen_ai.prompt': 'text' }, 'gen_ai.prompt')).toBeUndefined();
  });

  it('keeps the first of a leaf/parent conflict and stays prototype-free', () => {
    const value = unflatten({ 'p.a': 'leaf', 'p.a.b': 'child', 'p.__proto__.x': 1 }, 'p') as Record<string, unknown>;
    expect(value.a).toBe('leaf');
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ x: 1 });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
