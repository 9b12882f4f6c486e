// CSV reading and writing: quotes, escaped quotes, embedded line breaks, CRLF, BOM, blank lines, round trips.
import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from './csv-text.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, escaped quotes and line breaks, CRLF or LF, and skips blank lines', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n\n"multi\nline",\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['multi\nline', ''],
    ]);
    expect(parseCsv('a,b')).toEqual([['a', 'b']]);
    expect(parseCsv('""\n')).toEqual([['']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('names the line of an unclosed quote or text after a closing quote', () => {
    expect(() => parseCsv('a\n"open\nstill')).toThrow(/line 3: a quoted field is not closed/);
    expect(() => parseCsv('"a"b,c')).toThrow(/line 1: text after a closing quote/);
  });
});

describe('formatCsv', () => {
  it('quotes only what needs quoting, and reads back to the same rows', () => {
    const rows = [
      ['id', 'text'],
      ['1', 'plain'],
      ['2', 'comma, "quote"\nand line'],
      ['3', ' padded '],
    ];
    const text = formatCsv(rows);
    expect(text.split('\r\n')[1]).toBe('1,plain');
    expect(parseCsv(text)).toEqual(rows);
  });
});
