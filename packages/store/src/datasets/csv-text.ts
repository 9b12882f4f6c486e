// RFC 4180 CSV: quoted fields with "" escapes and embedded newlines, CRLF or LF line ends, a leading BOM ignored.
import { KaizenError } from '@kaizen/core';

/**
 * Rows of fields; blank lines are skipped.
 *
 * @example
 * parseCsv('a,b\n"x, y","say ""hi"""\n'); // [['a', 'b'], ['x, y', 'say "hi"']]
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  let line = 1;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const endRow = () => {
    row.push(field);
    if (!(row.length === 1 && row[0] === '' && !fieldStarted)) rows.push(row);
    row = [];
    field = '';
    fieldStarted = false;
  };
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (quoted) {
      if (char === '"') {
        if (source[index + 1] === '"') {
          field += '"';
          index++;
        } else {
          quoted = false;
          const next = source[index + 1];
          if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
            throw new KaizenError('invalid_input', `CSV line ${line}: text after a closing quote`);
          }
        }
      } else {
        if (char === '\n') line++;
        field += char;
      }
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
      fieldStarted = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index++;
      endRow();
      line++;
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (quoted) throw new KaizenError('invalid_input', `CSV line ${line}: a quoted field is not closed`);
  if (field !== '' || row.length > 0 || fieldStarted) endRow();
  return rows;
}

/** Quotes a field when it holds a comma, a quote, a line break or edge spaces. */
function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * @example
 * formatCsv([['a', 'b'], ['x, y', '1']]); // 'a,b\r\n"x, y",1\r\n'
 */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
