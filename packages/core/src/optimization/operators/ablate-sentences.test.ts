import { describe, expect, it } from 'vitest';
import type { PromptContent } from '../../prompts/prompt.js';
import { ablateSentences, splitSentences } from './ablate-sentences.js';
import { systemText } from './candidate.js';
import { estimatePromptTokens } from './estimate-prompt-tokens.js';

const content = (template: PromptContent['template']): PromptContent => ({
  template,
  variables: ['page'],
  outputSchema: null,
  model: null,
  params: {},
  tools: [],
  examples: [],
});

describe('ablateSentences', () => {
  it('splits on sentence boundaries and lines', () => {
    expect(splitSentences('Be kind. Be brief! Why?\nUse JSON')).toEqual(['Be kind.', 'Be brief!', 'Why?', 'Use JSON']);
    expect(splitSentences('Version 1.5 is fine. Done.')).toEqual(['Version 1.5 is fine.', 'Done.']);
  });

  it('gives one candidate per sentence of the system message, without mutating the input', () => {
    const base = content([
      { role: 'system', content: 'You are helpful. You are very very helpful.\nAnswer in JSON.' },
      { role: 'user', content: '{{page}}' },
    ]);
    const snapshot = JSON.stringify(base);
    const candidates = ablateSentences(base);
    expect(candidates.map((candidate) => systemText(candidate.content))).toEqual([
      'You are very very helpful.\nAnswer in JSON.',
      'You are helpful.\nAnswer in JSON.',
      'You are helpful. You are very very helpful.',
    ]);
    expect(candidates[0]?.edit).toMatchObject({ part: 'system', operator: 'ablate-sentence' });
    for (const candidate of candidates) {
      expect(estimatePromptTokens(candidate.content)).toBeLessThan(estimatePromptTokens(base));
    }
    expect(JSON.stringify(base)).toBe(snapshot);
  });

  it('keeps at least one sentence and never removes a variable', () => {
    expect(ablateSentences(content([{ role: 'system', content: 'Only one.' }]))).toEqual([]);
    const candidates = ablateSentences(content('Read this. Page: {{page}}'));
    expect(candidates.map((candidate) => candidate.content.template)).toEqual(['Page: {{page}}']);
    expect(candidates[0]?.edit.part).toBe('user');
  });
});

describe('estimatePromptTokens', () => {
  it('is about characters / 4 over template, tools and examples', () => {
    expect(estimatePromptTokens(content('12345678'))).toBe(2);
    const rich: PromptContent = {
      ...content('1234'),
      tools: [{ name: 'ab', description: 'cd' }],
      examples: [{ input: {}, output: 'xy' }],
    };
    expect(estimatePromptTokens(rich)).toBe(3);
  });
});
