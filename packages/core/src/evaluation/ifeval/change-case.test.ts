import { describe, expect, it } from 'vitest';
import { checkIfevalInstruction } from './check-instruction.js';

const strict = (id: string, kwargs: Record<string, unknown>, response: string): boolean =>
  checkIfevalInstruction(id, kwargs, response, 'strict');

describe('change_case:capital_word_frequency', () => {
  const id = 'change_case:capital_word_frequency';
  it('counts all-capital NLTK tokens (contractions split into two)', () => {
    const text = "I CAN'T believe the AI is SO good.";
    expect(strict(id, { capital_frequency: 5, capital_relation: 'at least' }, text)).toBe(true);
    expect(strict(id, { capital_frequency: 6, capital_relation: 'at least' }, text)).toBe(false);
    expect(strict(id, { capital_frequency: 5, capital_relation: 'less than' }, text)).toBe(false);
    expect(strict(id, { capital_frequency: 6, capital_relation: 'less than' }, text)).toBe(true);
  });
  it('counts hyphenated capitals once and ignores mixed case', () => {
    expect(strict(id, { capital_frequency: 1, capital_relation: 'less than' }, 'Hello World-Wide')).toBe(true);
    expect(strict(id, { capital_frequency: 1, capital_relation: 'at least' }, 'STATE-OF-THE-ART work')).toBe(true);
  });
});

describe('change_case:english_capital', () => {
  const id = 'change_case:english_capital';
  it('needs English in capitals only', () => {
    expect(strict(id, {}, 'THIS IS THE ANSWER, AND IT IS 42.')).toBe(true);
    expect(strict(id, {}, 'THIS IS THE Answer')).toBe(false);
    expect(strict(id, {}, 'DAS IST DIE ANTWORT UND NICHT MEHR.')).toBe(false);
  });
});

describe('change_case:english_lowercase', () => {
  const id = 'change_case:english_lowercase';
  it('needs English in lowercase only', () => {
    expect(strict(id, {}, 'this is the answer, and it is 42.')).toBe(true);
    expect(strict(id, {}, 'this is the answer, I think.')).toBe(false);
    expect(strict(id, {}, 'esto es la respuesta y no hay más.')).toBe(false);
  });
});
