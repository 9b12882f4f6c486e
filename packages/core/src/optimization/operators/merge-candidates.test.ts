import { describe, expect, it } from 'vitest';
import type { PromptContent } from '../../prompts/prompt.js';
import { ablateSentences } from './ablate-sentences.js';
import { systemText } from './candidate.js';
import { criterionToInstruction } from './criterion-to-instruction.js';
import { addFewShotExample } from './few-shot.js';
import { mergeCandidates, mergeLines } from './merge-candidates.js';

const base: PromptContent = {
  template: [
    { role: 'system', content: 'You extract data.\nBe careful.' },
    { role: 'user', content: '{{page}}' },
  ],
  variables: ['page'],
  outputSchema: null,
  model: null,
  params: {},
  tools: [],
  examples: [],
};
const criterion = (id: string, check: Parameters<typeof criterionToInstruction>[1]['check']) => ({
  id,
  description: id,
  weight: 1,
  check,
});

describe('mergeLines', () => {
  it('applies both sides when they touch different lines', () => {
    expect(mergeLines(['a', 'b', 'c'], ['x', 'a', 'b', 'c'], ['a', 'b', 'c', 'y'])).toEqual(['x', 'a', 'b', 'c', 'y']);
    expect(mergeLines(['a', 'b'], ['a', 'b', 'x'], ['a', 'b', 'x'])).toEqual(['a', 'b', 'x']);
  });
  it('keeps both insertions at the same place, the first side first', () => {
    expect(mergeLines(['a', 'b'], ['a', 'b', 'x'], ['a', 'b', 'y'])).toEqual(['a', 'b', 'x', 'y']);
  });
  it('writes a line both sides insert at the same place once', () => {
    expect(mergeLines(['a'], ['a', 'x', 'y'], ['a', 'y', 'z'])).toEqual(['a', 'x', 'y', 'z']);
  });
  it('is null when both change the same lines differently', () => {
    expect(mergeLines(['a', 'b'], ['a', 'X'], ['a', 'Y'])).toBeNull();
    expect(mergeLines(['a', 'b'], ['a', 'X'], ['a', 'b', 'y'])).not.toBeNull();
    expect(mergeLines(['a', 'b', 'c'], ['a', 'X', 'c'], ['a', 'c'])).toBeNull();
  });
});

describe('mergeCandidates', () => {
  it('combines an instruction, an ablation and an example', () => {
    const snapshot = JSON.stringify(base);
    const instruction = criterionToInstruction(base, criterion('json', { kind: 'json_valid' }));
    const ablation = ablateSentences(base)[1];
    const example = addFewShotExample(base, { input: { page: 'p' }, output: '{}' });
    if (instruction === null || ablation === undefined || example === null) throw new Error('setup');
    const merged = mergeCandidates(base, instruction, ablation);
    expect(systemText(merged?.content ?? base)).toBe(
      'You extract data.\nRespond with JSON only, no prose or code fences.',
    );
    expect(merged?.edit.operator).toBe('merge');
    expect(merged?.edit.mergedFrom).toEqual([instruction.edit, ablation.edit]);
    const withExample = mergeCandidates(base, instruction, example);
    expect(withExample?.content.examples).toHaveLength(1);
    expect(systemText(withExample?.content ?? base)).toContain('JSON only');
    expect(JSON.stringify(base)).toBe(snapshot);
  });

  it('stacks two appended instructions and returns null on a real conflict', () => {
    const a = criterionToInstruction(base, criterion('json', { kind: 'json_valid' }));
    const b = criterionToInstruction(base, criterion('fr', { kind: 'output_language', language: 'fr' }));
    if (a === null || b === null) throw new Error('setup');
    expect(systemText(mergeCandidates(base, a, b)?.content ?? base)).toMatch(/JSON only.*\nRespond in French\.$/s);
    const model = { ...a, content: { ...a.content, model: 'sim:x' } };
    const other = { ...a, content: { ...a.content, model: 'sim:y' } };
    expect(mergeCandidates(base, model, other)).toBeNull();
  });

  it('merges a text template turned into chat with a line added to it', () => {
    const text: PromptContent = { ...base, template: 'Read.\n{{page}}' };
    const instruction = criterionToInstruction(text, criterion('json', { kind: 'json_valid' }));
    const appended = {
      content: { ...text, template: 'Read.\n{{page}}\nThanks.' },
      edit: instruction?.edit ?? { part: 'user' as const, operator: 'x', description: 'x' },
    };
    if (instruction === null) throw new Error('setup');
    expect(mergeCandidates(text, instruction, appended)?.content.template).toEqual([
      { role: 'system', content: 'Respond with JSON only, no prose or code fences.' },
      { role: 'user', content: 'Read.\n{{page}}\nThanks.' },
    ]);
  });
});
