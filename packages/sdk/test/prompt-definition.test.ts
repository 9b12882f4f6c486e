// prompt(): what a definition registers, how it checks and renders variables, and where few-shot examples go.
import { KaizenError } from '@kaizen/core';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { prompt } from '../src/index.js';

const page = z.object({ html: z.string().min(1), url: z.url(), lang: z.string().default('en') });

describe('prompt definitions', () => {
  it('registers variable names from the schema, the output as JSON Schema, and the model string', () => {
    const extractor = prompt('schemaorg-extractor', {
      template: [
        { role: 'system', content: 'Answer with JSON-LD only.' },
        { role: 'user', content: '{{url}}\n{{html}}' },
      ],
      variables: page,
      output: z.object({ '@type': z.string() }),
      model: 'sim:schemaorg',
      params: { temperature: 0 },
    });
    expect(extractor.content.variables).toEqual(['html', 'url', 'lang']);
    expect(extractor.content.outputSchema).toMatchObject({
      type: 'object',
      properties: { '@type': { type: 'string' } },
      required: ['@type'],
    });
    expect(extractor.content).toMatchObject({ model: 'sim:schemaorg', params: { temperature: 0 }, tools: [] });
  });

  it('keeps a model object out of the registry content', () => {
    const local = prompt('local', { template: 'Hi', variables: z.object({}), model: new MockLanguageModelV3() });
    expect(local.content.model).toBeNull();
    expect(local.content.outputSchema).toBeNull();
  });

  it('fails at definition time for a placeholder the schema lacks, or a bad name', () => {
    expect(() => prompt('typo', { template: '{{htlm}}', variables: page })).toThrow(
      'prompt "typo" uses {{htlm}} but its variables schema has no such key',
    );
    expect(() => prompt('a/b', { template: 'x', variables: z.object({}) })).toThrow(/prompt name "a\/b"/);
  });

  it('validates variables with the schema (defaults applied) before rendering', () => {
    const greeter = prompt('greeter', { template: 'Page {{url}} in {{lang}}: {{html}}', variables: page });
    expect(greeter.render({ html: '<p>x</p>', url: 'https://example.com/' })).toEqual([
      { role: 'user', content: 'Page https://example.com/ in en: <p>x</p>' },
    ]);
    try {
      greeter.render({ html: '', url: 'nope' });
      expect.unreachable();
    } catch (error) {
      expect(KaizenError.isInstance(error) && error.code).toBe('invalid_input');
      expect((error as Error).message).toMatch(/prompt "greeter": invalid variables: html: .*; url: /);
    }
  });

  it('places few-shot examples as turns before the last user message', () => {
    const classify = prompt('classify', {
      template: [
        { role: 'system', content: 'Classify.' },
        { role: 'user', content: 'Text: {{text}}' },
      ],
      variables: z.object({ text: z.string() }),
      examples: [
        { input: { text: 'great' }, output: 'positive' },
        { input: { other: 1 }, output: 'neutral' },
      ],
    });
    expect(classify.render({ text: 'meh' })).toEqual([
      { role: 'system', content: 'Classify.' },
      { role: 'user', content: 'Text: great' },
      { role: 'assistant', content: 'positive' },
      { role: 'user', content: '{"other":1}' },
      { role: 'assistant', content: 'neutral' },
      { role: 'user', content: 'Text: meh' },
    ]);
  });
});
