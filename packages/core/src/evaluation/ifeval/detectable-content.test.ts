import { describe, expect, it } from 'vitest';
import { checkIfevalInstruction } from './check-instruction.js';

const strict = (id: string, kwargs: Record<string, unknown>, response: string): boolean =>
  checkIfevalInstruction(id, kwargs, response, 'strict');

describe('detectable_content:number_placeholders', () => {
  const id = 'detectable_content:number_placeholders';
  it('counts [...] spans on one line, at least num_placeholders', () => {
    expect(strict(id, { num_placeholders: 2 }, 'Dear [name], at [address].')).toBe(true);
    expect(strict(id, { num_placeholders: 2 }, 'Dear [name\n], at [address].')).toBe(false);
    expect(strict(id, { num_placeholders: 1 }, 'Empty [] counts')).toBe(true);
  });
});

describe('detectable_content:postscript', () => {
  const id = 'detectable_content:postscript';
  it('finds P.S. and P.P.S anywhere, case-insensitively, with optional spaces', () => {
    expect(strict(id, { postscript_marker: 'P.S.' }, 'Bye.\n\np.s. see you')).toBe(true);
    expect(strict(id, { postscript_marker: 'P.P.S' }, 'Bye. P. P. S more')).toBe(true);
    expect(strict(id, { postscript_marker: 'P.P.S' }, 'Bye.\nP.S. only one')).toBe(false);
    expect(strict(id, { postscript_marker: 'P.S.' }, 'Bye.\nPS without dots')).toBe(false);
  });
  it('matches another marker literally', () => {
    expect(strict(id, { postscript_marker: 'Note:' }, 'x\nNOTE: y')).toBe(true);
  });
});
