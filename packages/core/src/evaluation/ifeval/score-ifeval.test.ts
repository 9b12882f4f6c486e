import { describe, expect, it } from 'vitest';
import { scoreIfeval } from './score-ifeval.js';

describe('scoreIfeval', () => {
  it('computes prompt-level and instruction-level accuracy in both modes', () => {
    const score = scoreIfeval([
      { instructionIds: ['punctuation:no_comma', 'startend:quotation'], kwargs: [{}, {}], response: 'Intro\n"Quoted"' },
      { instructionIds: ['punctuation:no_comma'], kwargs: [{}], response: 'No commas' },
    ]);
    expect(score.promptCount).toBe(2);
    expect(score.instructionCount).toBe(3);
    expect(score.items[0]).toEqual({ strict: [true, false], loose: [true, true] });
    expect(score.promptLevelStrict).toBe(0.5);
    expect(score.instructionLevelStrict).toBeCloseTo(2 / 3);
    expect(score.promptLevelLoose).toBe(1);
    expect(score.instructionLevelLoose).toBe(1);
  });

  it('scores an empty set as 0 and rejects mismatched kwargs', () => {
    expect(scoreIfeval([]).promptLevelStrict).toBe(0);
    expect(() => scoreIfeval([{ instructionIds: ['punctuation:no_comma'], kwargs: [], response: 'x' }])).toThrow(
      /one kwargs object per instruction/,
    );
  });
});
