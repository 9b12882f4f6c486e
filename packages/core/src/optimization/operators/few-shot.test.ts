import { describe, expect, it } from 'vitest';
import type { PromptContent } from '../../prompts/prompt.js';
import { addFewShotExample, swapFewShotExample } from './few-shot.js';

const base: PromptContent = {
  template: '{{q}}',
  variables: ['q'],
  outputSchema: null,
  model: null,
  params: {},
  tools: [],
  examples: [{ input: { q: 'one' }, output: '1' }],
};

describe('few-shot operators', () => {
  it('adds a demonstration without mutating the input', () => {
    const snapshot = JSON.stringify(base);
    const candidate = addFewShotExample(base, { input: { q: 'two' }, output: '2' }, { causeId: 'cause:x' });
    expect(candidate?.content.examples).toHaveLength(2);
    expect(candidate?.edit).toMatchObject({ part: 'examples', operator: 'add-few-shot', causeId: 'cause:x' });
    expect(JSON.stringify(base)).toBe(snapshot);
  });

  it('refuses a duplicate', () => {
    expect(addFewShotExample(base, { input: { q: 'one' }, output: '1' })).toBeNull();
  });

  it('swaps at an index, refusing out-of-range indexes', () => {
    const snapshot = JSON.stringify(base);
    const candidate = swapFewShotExample(base, 0, { input: { q: 'three' }, output: '3' });
    expect(candidate?.content.examples).toEqual([{ input: { q: 'three' }, output: '3' }]);
    expect(candidate?.edit.part).toBe('examples');
    expect(swapFewShotExample(base, 1, { input: { q: 'x' }, output: 'x' })).toBeNull();
    expect(swapFewShotExample(base, -1, { input: { q: 'x' }, output: 'x' })).toBeNull();
    expect(JSON.stringify(base)).toBe(snapshot);
  });
});
