import { describe, expect, it } from 'vitest';
import { KaizenError } from '../../errors/kaizen-error.js';
import { checkIfevalInstruction, looseVariants } from './check-instruction.js';
import { IFEVAL_INSTRUCTION_IDS } from './instruction-ids.js';
import { IFEVAL_CHECKS } from './registry.js';

describe('checkIfevalInstruction', () => {
  it('throws invalid_input on an unknown instruction id', () => {
    try {
      checkIfevalInstruction('keywords:key_sentences', {}, 'text', 'strict');
      expect.unreachable();
    } catch (error) {
      expect(KaizenError.isInstance(error) && error.code).toBe('invalid_input');
    }
  });

  it('never passes a blank response, in either mode', () => {
    expect(checkIfevalInstruction('punctuation:no_comma', {}, '  \n ', 'strict')).toBe(false);
    expect(checkIfevalInstruction('punctuation:no_comma', {}, '  \n ', 'loose')).toBe(false);
  });

  it('loose mode forgives a first or last line and markdown stars', () => {
    const intro = 'Sure, here is my answer:\n"The answer."';
    expect(checkIfevalInstruction('startend:quotation', {}, intro, 'strict')).toBe(false);
    expect(checkIfevalInstruction('startend:quotation', {}, intro, 'loose')).toBe(true);
    const starred = '**My answer is yes.**';
    expect(checkIfevalInstruction('detectable_format:constrained_response', {}, starred, 'strict')).toBe(true);
    const bold = '**"Quoted."**';
    expect(checkIfevalInstruction('startend:quotation', {}, bold, 'strict')).toBe(false);
    expect(checkIfevalInstruction('startend:quotation', {}, bold, 'loose')).toBe(true);
  });

  it('loose mode cannot make a failing check on every variant pass', () => {
    expect(checkIfevalInstruction('punctuation:no_comma', {}, 'a, b\nc, d\ne, f', 'loose')).toBe(false);
  });
});

describe('looseVariants', () => {
  it('lists the eight texts of the reference, in order', () => {
    expect(looseVariants('*a*\nb\n*c*')).toEqual([
      '*a*\nb\n*c*',
      'a\nb\nc',
      'b\n*c*',
      '*a*\nb',
      'b',
      'b\nc',
      'a\nb',
      'b',
    ]);
  });
});

describe('IFEVAL_CHECKS', () => {
  it('has a check for each of the 25 instruction ids', () => {
    expect(IFEVAL_INSTRUCTION_IDS).toHaveLength(25);
    expect(Object.keys(IFEVAL_CHECKS).sort()).toEqual([...IFEVAL_INSTRUCTION_IDS].sort());
  });
});
