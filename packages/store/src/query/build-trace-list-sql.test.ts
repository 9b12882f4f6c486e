// Unit tests: the list query binds every value and escapes LIKE patterns.
import { describe, expect, it } from 'vitest';
import { buildTraceListSql } from './build-trace-list-sql.js';
import { parseTraceQuery } from './trace-list-filter.js';

const sqlite = { placeholder: () => '?', caseInsensitiveLike: 'LIKE' } as const;
const postgres = { placeholder: (position: number) => `$${position}`, caseInsensitiveLike: 'ILIKE' } as const;
const HOSTILE = "x' OR 1=1; DROP TABLE spans; --";

describe('buildTraceListSql', () => {
  it('binds every filter value and never writes one into the SQL text', () => {
    const query = {
      environment: HOSTILE,
      model: HOSTILE,
      promptName: HOSTILE,
      promptVersion: HOSTILE,
      q: HOSTILE,
      status: 'error',
      from: '2025-01-01T00:00:00.000Z',
      to: '2025-02-01T00:00:00.000Z',
    } as const;
    for (const dialect of [sqlite, postgres]) {
      const sql = buildTraceListSql(HOSTILE, parseTraceQuery(query), dialect);
      expect(sql.text).not.toContain('DROP');
      expect(sql.text).not.toContain('2025');
      expect(sql.values).toContain(HOSTILE);
      expect(sql.text.split(dialect === sqlite ? '?' : '$').length - 1).toBe(sql.values.length);
    }
  });

  it('numbers Postgres placeholders in order and asks for one row past the limit', () => {
    const sql = buildTraceListSql('p', parseTraceQuery({ environment: 'prod', limit: 10 }), postgres);
    expect(sql.text).toContain('t.project_id = $1 AND t.environment = $2');
    expect(sql.text).toMatch(/LIMIT \$3$/);
    expect(sql.values).toEqual(['p', 'prod', 11]);
  });

  it('escapes LIKE wildcards and searches the JSON-encoded form of the text', () => {
    const filter = parseTraceQuery({ q: '100%_"done"\\' });
    expect(filter.searchPattern).toBe('%100\\%\\_\\\\"done\\\\"\\\\\\\\%');
  });
});
