// The instruction detector: clauses, negation before and after a phrase, double negatives, last word wins.
import { describe, expect, it } from 'vitest';
import { detectInstruction, findMentions, phrase } from './detect-instruction.js';
import { isNegated } from './negation.js';
import { splitClauses } from './split-clauses.js';

const SHORT = { affirm: [phrase(String.raw`\bshort\b`)], contrary: [phrase(String.raw`\b(?:long|lengthy)\b`)] };

describe('detectInstruction', () => {
  it('reads affirmations, negated contraries and negated affirmations', () => {
    expect(detectInstruction('Keep it short.', SHORT)).toBe(true);
    expect(detectInstruction('Do not write a lengthy answer.', SHORT)).toBe(true);
    expect(detectInstruction("It doesn't need to be short.", SHORT)).toBe(false);
    expect(detectInstruction('Nothing relevant here.', SHORT)).toBe(false);
  });

  it('lets the last mention win', () => {
    expect(
      findMentions('Keep it short. Actually, a long answer is fine.', SHORT).map((mention) => mention.polarity),
    ).toEqual([true, false]);
    expect(detectInstruction('Keep it short. Actually, a long answer is fine.', SHORT)).toBe(false);
  });
});

describe('negation', () => {
  it('looks a few words back, stopping at a conjunction', () => {
    expect(isNegated('please do not add any prose', 23, 27)).toBe(true);
    expect(isNegated('skip the prose and include the context', 19, 26)).toBe(false);
  });

  it('reads negating words after the phrase', () => {
    expect(isNegated('prose is not allowed', 0, 5)).toBe(true);
    expect(isNegated('explanations are unnecessary', 0, 12)).toBe(true);
  });
});

describe('splitClauses', () => {
  it('splits at sentence ends, commas and "but", keeping URLs and dotted names whole', () => {
    expect(splitClauses("Don't explain, just return JSON. Use https://schema.org but not JSON.parse")).toEqual([
      "Don't explain",
      'just return JSON',
      'Use https://schema.org',
      'not JSON.parse',
    ]);
  });

  it('rewrites double negatives', () => {
    expect(splitClauses("Don't forget to add the @context")).toEqual(['remember to add the @context']);
    expect(splitClauses('Never omit the @context')).toEqual(['keep the @context']);
  });
});
