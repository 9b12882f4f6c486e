// sim:judge decides each kind of question by a documented rule over the subject (noise off here).
import { describe, expect, it } from 'vitest';
import { answersOf, judge, judgePrompt } from './judge-helpers.js';

const ask = (question: string, output: string, input?: string, expected?: string) =>
  answersOf(judge(judgePrompt({ q: question }, output, input, expected))).q;

describe('sim:judge heuristics', () => {
  it('JSON questions: does the output parse as JSON', () => {
    expect(ask('Is the output valid JSON?', '{"price": 55}')).toBe('yes');
    expect(ask('Is the output valid JSON?', 'Here it is: {"price": 55}')).toBe('no');
    expect(ask('Is the output valid JSON?', '{"price": 55')).toBe('no');
  });

  it('mention/contain questions: substring, quoted or not, and negated', () => {
    expect(ask('Does the output mention "refund"?', 'You will get a full refund.')).toBe('yes');
    expect(ask('Does the output mention the price?', 'It costs $5; the price is fair.')).toBe('yes');
    expect(ask('Does the output contain "sku"?', 'No codes here.')).toBe('no');
    expect(ask('Does the output avoid mentioning "competitor"?', 'Our product is great.')).toBe('yes');
  });

  it('politeness, rudeness and apologies: keyword lists', () => {
    expect(ask('Is the reply polite?', 'Thank you for your patience!')).toBe('yes');
    expect(ask('Is the reply polite?', 'Whatever, that is a stupid question.')).toBe('no');
    expect(ask('Is the reply rude?', 'Whatever, that is a stupid question.')).toBe('yes');
    expect(ask('Does the reply apologise?', 'Sorry for the delay.')).toBe('yes');
    expect(ask('Does the reply apologize?', 'Your order shipped.')).toBe('no');
  });

  it('language questions: script and function words', () => {
    expect(ask('Is the output written in French?', 'Merci pour votre message, nous vous répondrons.')).toBe('yes');
    expect(ask('Is the output written in French?', 'Thanks for your message.')).toBe('no');
    expect(ask('Is the answer in the same language as the input?', 'これは答えです。', 'これは質問ですか？')).toBe(
      'yes',
    );
  });

  it('length, expected answer, questions, formats, emptiness, relevance', () => {
    expect(ask('Is the output concise?', 'Yes.')).toBe('yes');
    expect(ask('Is the answer under 5 words?', 'This answer has more than five words in it.')).toBe('no');
    expect(ask('Does the output match the expected answer?', 'The answer is 4.', 'What is 2+2?', '4')).toBe('yes');
    expect(ask('Is the output correct?', 'The answer is 5.', 'What is 2+2?', '4')).toBe('no');
    expect(ask('Does the reply end with a question?', 'Anything else I can do?')).toBe('yes');
    expect(ask('Does the output use bullet points?', '- one\n- two')).toBe('yes');
    expect(ask('Is the output all lowercase?', 'all quiet here')).toBe('yes');
    expect(ask('Is the output empty?', '   ')).toBe('yes');
    expect(
      ask('Is the answer relevant to the input?', 'Paris is the capital of France.', 'What is the capital of France?'),
    ).toBe('yes');
    expect(ask('Is the answer relevant to the input?', 'I like turtles.', 'What is the capital of France?')).toBe('no');
  });

  it('anything else: a seeded draw that says yes more often for longer outputs', () => {
    const rate = (output: string) => {
      const criteria = Object.fromEntries(
        Array.from({ length: 200 }, (_, index) => [`c${index}`, `Is aspect ${index} handled well?`]),
      );
      const answers = Object.values(answersOf(judge(judgePrompt(criteria, output))));
      return answers.filter((answer) => answer === 'yes').length / answers.length;
    };
    const short = rate('Fine.');
    const long = rate('A thorough answer. '.repeat(60));
    expect(short).toBeLessThan(0.5);
    expect(long).toBeGreaterThan(0.75);
  });

  it('gives a rationale with every answer and says which rule decided', () => {
    const run = judge(judgePrompt({ json: 'Is the output valid JSON?', tone: 'Is the tone right?' }, '{}'));
    expect(JSON.parse(run.text)).toEqual({
      answers: [
        { id: 'json', answer: 'yes', rationale: 'The output parses as valid JSON.' },
        {
          id: 'tone',
          answer: expect.stringMatching(/^(?:yes|no)$/),
          rationale: expect.stringContaining('words reviewed'),
        },
      ],
    });
    expect(run.verdicts.map((verdict) => verdict.kind)).toEqual(['json', 'draw']);
  });
});
