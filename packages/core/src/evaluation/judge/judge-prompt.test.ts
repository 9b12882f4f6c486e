import { describe, expect, it } from 'vitest';
import { buildJudgeMessages, judgeResponseSchema } from './judge-prompt.js';

describe('buildJudgeMessages', () => {
  it('lists every question with its id after the input, expected and output', () => {
    const messages = buildJudgeMessages(
      [
        { id: 'polite', question: 'Is the answer polite?' },
        { id: 'cites', question: 'Does it cite a source?' },
      ],
      {
        output: 'Sure, see the docs.',
        input: [{ role: 'user', content: 'How do I reset?' }],
        expected: { steps: 2 },
      },
      'Support assistant',
    );
    expect(messages.map((message) => message.role)).toEqual(['system', 'user']);
    expect(messages[0]?.content).toMatch(/yes\/no/);
    expect(messages[0]?.content).toMatch(/"answers"/);
    expect(messages[1]?.content).toBe(
      [
        "The system's task: Support assistant",
        '<input>\n[user] How do I reset?\n</input>',
        '<expected>\n{\n  "steps": 2\n}\n</expected>',
        '<output>\nSure, see the docs.\n</output>',
        'Questions:\n1. id "polite": Is the answer polite?\n2. id "cites": Does it cite a source?',
      ].join('\n\n'),
    );
  });

  it('leaves out what the subject does not have', () => {
    const user = buildJudgeMessages([{ id: 'a', question: 'Q?' }], { output: 'x' })[1]?.content ?? '';
    expect(user).not.toMatch(/<input>|<expected>|task/);
  });
});

describe('judgeResponseSchema', () => {
  it('asks for exactly one answer per id', () => {
    const schema = judgeResponseSchema(['a', 'b']);
    expect(schema.properties.answers.minItems).toBe(2);
    expect(schema.properties.answers.maxItems).toBe(2);
    expect(schema.properties.answers.items.properties.id.enum).toEqual(['a', 'b']);
    expect(schema.properties.answers.items.properties.answer.enum).toEqual(['yes', 'no']);
  });
});
