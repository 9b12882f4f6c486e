import { describe, expect, it } from 'vitest';
import { KaizenError } from '../errors/kaizen-error.js';
import { canonicalJson } from './canonical-json.js';
import { diffPrompt } from './diff-prompt.js';
import { canonicalPromptContent, createPromptContent } from './prompt-content.js';
import { extractVariables, renderTemplate } from './template.js';
import { unifiedDiff, wordDiff } from './unified-diff.js';

describe('templates', () => {
  it('extracts variables in order of first use, across chat messages', () => {
    expect(
      extractVariables([
        { role: 'system', content: 'You extract {{ kind }} data.' },
        { role: 'user', content: '{{html}} {{kind}} {{url}}' },
      ]),
    ).toEqual(['kind', 'html', 'url']);
  });

  it('renders values literally, without expanding braces inside values', () => {
    expect(renderTemplate('A {{x}} B', { x: '{{y}}', y: 'no' })).toBe('A {{y}} B');
    expect(renderTemplate('n={{n}} o={{o}}', { n: 3, o: { a: 1 } })).toBe('n=3 o={"a":1}');
  });

  it('refuses to render with a missing variable', () => {
    try {
      renderTemplate('Hello {{name}} {{city}}', { name: 'x' });
      expect.unreachable();
    } catch (error) {
      expect(KaizenError.isInstance(error) && error.code).toBe('invalid_input');
      expect((error as Error).message).toContain('city');
    }
  });
});

describe('prompt content', () => {
  it('declares used variables after declared ones and fills defaults', () => {
    const content = createPromptContent({ template: '{{a}} {{b}}', variables: ['b', 'extra'] });
    expect(content.variables).toEqual(['b', 'extra', 'a']);
    expect(content.params).toEqual({});
    expect(content.outputSchema).toBeNull();
  });

  it('hashes the same content to the same canonical text regardless of key order', () => {
    const a = createPromptContent({ template: 'x', params: { temperature: 0, maxOutputTokens: 10 } });
    const b = createPromptContent({ template: 'x', params: { maxOutputTokens: 10, temperature: 0 } });
    const c = createPromptContent({ template: 'x', params: { maxOutputTokens: 11, temperature: 0 } });
    expect(canonicalPromptContent(a)).toBe(canonicalPromptContent(b));
    expect(canonicalPromptContent(a)).not.toBe(canonicalPromptContent(c));
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
  });
});

describe('diffs', () => {
  it('prints a unified diff like diff -u', () => {
    expect(unifiedDiff('a\nb\n', 'a\nc\n', { fromLabel: 'v1', toLabel: 'v2' })).toBe(
      '--- v1\n+++ v2\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n',
    );
    expect(unifiedDiff('same\n', 'same\n')).toBe('');
  });

  it('splits distant changes into separate hunks with 3 lines of context', () => {
    const before = Array.from({ length: 20 }, (_, index) => `line ${index + 1}`).join('\n');
    const after = before.replace('line 2\n', 'line two\n').replace('line 19', 'line nineteen');
    const diff = unifiedDiff(before, after);
    expect(diff.match(/^@@/gm)).toHaveLength(2);
    expect(diff).toContain('@@ -1,5 +1,5 @@');
    expect(diff).toContain('@@ -16,5 +16,5 @@');
  });

  it('numbers hunks of pure insertions into an empty text', () => {
    expect(unifiedDiff('', 'new\n')).toBe('--- before\n+++ after\n@@ -0,0 +1,1 @@\n+new\n');
  });

  it('diffs words and lists changed fields', () => {
    expect(wordDiff('Answer in JSON', 'Answer only in JSON')).toEqual([
      { op: 'equal', text: 'Answer ' },
      { op: 'insert', text: 'only ' },
      { op: 'equal', text: 'in JSON' },
    ]);
    const v1 = createPromptContent({
      template: [{ role: 'user', content: 'Extract {{html}}' }],
      model: 'openai:gpt-4o',
    });
    const v2 = createPromptContent({
      template: [
        { role: 'system', content: 'Answer with JSON only.' },
        { role: 'user', content: 'Extract {{html}}' },
      ],
      model: 'openai:gpt-4o-mini',
    });
    const diff = diffPrompt(v1, v2);
    expect(diff.unified).toContain('+### system\n+Answer with JSON only.');
    expect(diff.changes).toEqual([{ field: 'model', before: 'openai:gpt-4o', after: 'openai:gpt-4o-mini' }]);
  });
});
