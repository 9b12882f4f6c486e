import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createLabelLimiter, OVERFLOW_LABEL_VALUE } from './label-limiter.js';

describe('createLabelLimiter', () => {
  it('admits the first N distinct values of a label and exports later ones as "other", counting the overflow', async () => {
    const registry = new Registry();
    const limiter = createLabelLimiter(registry, { maxValuesPerLabel: 2 });
    expect(['a', 'b', 'a', 'c', 'd', 'b'].map((value) => limiter.value('llm', 'model', value))).toEqual([
      'a',
      'b',
      'a',
      OVERFLOW_LABEL_VALUE,
      OVERFLOW_LABEL_VALUE,
      'b',
    ]);
    const text = await registry.metrics();
    expect(text).toContain('kaizen_metrics_label_overflow_total{family="llm",label="model"} 2');
  });

  it('keeps a separate budget per family and label', () => {
    const limiter = createLabelLimiter(new Registry(), { maxValuesPerLabel: 1 });
    expect(limiter.value('llm', 'model', 'a')).toBe('a');
    expect(limiter.value('llm', 'prompt', 'b')).toBe('b');
    expect(limiter.value('evaluation', 'model', 'c')).toBe('c');
    expect(limiter.value('llm', 'model', 'c')).toBe(OVERFLOW_LABEL_VALUE);
  });

  it('exports null as the empty (absent) label without spending the budget, and cuts long values', () => {
    const limiter = createLabelLimiter(new Registry(), { maxValuesPerLabel: 1, maxValueLength: 5 });
    expect(limiter.value('llm', 'prompt', null)).toBe('');
    expect(limiter.value('llm', 'prompt', '')).toBe('');
    expect(limiter.value('llm', 'prompt', 'abcdefgh')).toBe('abcde');
    expect(limiter.value('llm', 'prompt', 'abcdexyz')).toBe('abcde');
  });

  it('defaults to 50 values per label', () => {
    const limiter = createLabelLimiter(new Registry());
    const values = Array.from({ length: 51 }, (_, index) => limiter.value('llm', 'model', `m${index}`));
    expect(values.slice(0, 50).every((value) => value !== OVERFLOW_LABEL_VALUE)).toBe(true);
    expect(values[50]).toBe(OVERFLOW_LABEL_VALUE);
  });
});
