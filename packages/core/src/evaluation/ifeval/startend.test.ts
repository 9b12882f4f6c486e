import { describe, expect, it } from 'vitest';
import { checkIfevalInstruction } from './check-instruction.js';

const strict = (id: string, kwargs: Record<string, unknown>, response: string): boolean =>
  checkIfevalInstruction(id, kwargs, response, 'strict');

describe('startend:end_checker', () => {
  const id = 'startend:end_checker';
  const kwargs = { end_phrase: 'Any other questions?' };
  it('needs the phrase at the very end, ignoring case, outer whitespace and quotes', () => {
    expect(strict(id, kwargs, 'Done. any other questions?  \n')).toBe(true);
    expect(strict(id, kwargs, '"Done. Any other questions?"')).toBe(true);
    expect(strict(id, kwargs, 'Any other questions? Bye.')).toBe(false);
  });
});

describe('startend:quotation', () => {
  const id = 'startend:quotation';
  it('needs double quotes around the stripped response', () => {
    expect(strict(id, {}, '  "Quoted answer."\n')).toBe(true);
    expect(strict(id, {}, '"Quoted" answer')).toBe(false);
    expect(strict(id, {}, '"')).toBe(false);
    expect(strict(id, {}, '“Curly”')).toBe(false);
  });
});
