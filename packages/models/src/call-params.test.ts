import { describe, expect, it } from 'vitest';
import { readCallParams } from './call-params.js';

describe('readCallParams', () => {
  it('keeps known settings, maps common aliases and drops the rest', () => {
    expect(
      readCallParams({ temperature: 0, max_tokens: 256, top_p: 0.9, seed: 7, stop: ['\n\n'], foo: 1, topK: 'x' }),
    ).toEqual({ temperature: 0, maxOutputTokens: 256, topP: 0.9, seed: 7, stopSequences: ['\n\n'] });
  });

  it('ignores ill-typed values instead of sending them', () => {
    expect(readCallParams({ temperature: '0.2', maxOutputTokens: Number.NaN, stopSequences: [1] })).toEqual({});
  });
});
