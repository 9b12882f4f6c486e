// sim:judge finds criteria and the subject in the layouts judge prompts use.
import { describe, expect, it } from 'vitest';
import { readCriteria, readSubject } from '../../src/simulated/index.js';

const QUESTIONS = [
  { id: 'polite', question: 'Is the reply polite?' },
  { id: 'json', question: 'Is the output valid JSON?' },
];

describe('readCriteria', () => {
  it.each([
    ['dash lines', '- [polite] Is the reply polite?\n- [json] Is the output valid JSON?'],
    ['star and numbered lines', '* [polite] Is the reply polite?\n2. [json]: Is the output valid JSON?'],
    ['id: question under a heading', 'Criteria:\npolite: Is the reply polite?\njson: Is the output valid JSON?'],
    [
      'id: question questions without a heading',
      'Grade this.\npolite: Is the reply polite?\njson: Is the output valid JSON?\nNote: be strict.',
    ],
    [
      'a JSON list',
      '[{"id": "polite", "question": "Is the reply polite?"}, {"id": "json", "question": "Is the output valid JSON?"}]',
    ],
    [
      'a fenced JSON object with other key names',
      '```json\n{"criteria": [{"name": "polite", "description": "Is the reply polite?"}, {"name": "json", "text": "Is the output valid JSON?"}]}\n```',
    ],
  ])('reads %s', (_layout, text) => {
    expect(readCriteria(`${text}\n\nOutput:\nHello`)).toEqual(QUESTIONS);
  });

  it('does not take lines of the output for criteria', () => {
    const text = 'Criteria:\n- [done] Is the task done?\n\nOutput:\n- [x] buy milk\nstatus: done?';
    expect(readCriteria(text)).toEqual([{ id: 'done', question: 'Is the task done?' }]);
  });
});

describe('readSubject', () => {
  it('reads headed sections, inline or on their own lines, until the next heading', () => {
    expect(readSubject('Input: What is 2+2?\nOutput: 4\nExpected: 4')).toEqual({
      input: 'What is 2+2?',
      output: '4',
      reference: '4',
    });
    expect(
      readSubject('## Input\nHi there\n\n## Response\nHello!\nHow can I help?\n\n## Reference answer\nHello'),
    ).toEqual({
      input: 'Hi there',
      output: 'Hello!\nHow can I help?',
      reference: 'Hello',
    });
    expect(readSubject('**Output:** fine\n**Input:** how are you').output).toBe('fine');
  });

  it('reads tags and a JSON subject', () => {
    expect(readSubject('<input>Hi</input>\n<output>\nHello\n</output>')).toEqual({
      input: 'Hi',
      output: 'Hello',
      reference: undefined,
    });
    expect(readSubject('Subject:\n{"input": "Hi", "output": "Hello", "expected": "Hello"}')).toEqual({
      input: 'Hi',
      output: 'Hello',
      reference: 'Hello',
    });
  });

  it('does not take a sentence starting with "Output" for a heading', () => {
    expect(readSubject('Output should be polite.\nOutput:\nThanks!').output).toBe('Thanks!');
  });
});
