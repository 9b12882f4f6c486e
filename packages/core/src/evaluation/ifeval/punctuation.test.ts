import { describe, expect, it } from 'vitest';
import { checkIfevalInstruction } from './check-instruction.js';

describe('punctuation:no_comma', () => {
  it('fails on any ASCII comma and allows other comma characters', () => {
    expect(checkIfevalInstruction('punctuation:no_comma', {}, 'No commas here.', 'strict')).toBe(true);
    expect(checkIfevalInstruction('punctuation:no_comma', {}, 'One, two', 'strict')).toBe(false);
    expect(checkIfevalInstruction('punctuation:no_comma', {}, '一，二', 'strict')).toBe(true);
  });
});
