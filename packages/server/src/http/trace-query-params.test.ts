import { describe, expect, it } from 'vitest';
import { parseTraceQuery } from './trace-query-params.js';

const parse = (query: string) => parseTraceQuery(new URLSearchParams(query));

describe('parseTraceQuery', () => {
  it('parses every parameter, times normalised to UTC ISO', () => {
    expect(
      parse(
        'from=2025-01-01&to=2025-01-31T12:00:00%2B02:00&environment=prod&model=gpt-4o&promptName=support&promptVersion=3&status=error&q=refund&limit=20&cursor=abc',
      ),
    ).toEqual({
      from: '2025-01-01T00:00:00.000Z',
      to: '2025-01-31T10:00:00.000Z',
      environment: 'prod',
      model: 'gpt-4o',
      promptName: 'support',
      promptVersion: '3',
      status: 'error',
      q: 'refund',
      limit: 20,
      cursor: 'abc',
    });
    expect(parse('')).toEqual({});
    expect(parse('from=2025-01-31T12:00:00+02:00')).toEqual({ from: '2025-01-31T10:00:00.000Z' });
  });

  it.each([
    ['from=yesterday', /"from": expected an ISO 8601 date-time/],
    ['to=2025-13-45', /"to": expected an ISO 8601/],
    ['status=failed', /"status": expected "ok" or "error"/],
    ['limit=0', /"limit": expected an integer from 1 to 1000/],
    ['limit=1001', /"limit"/],
    ['limit=2.5', /"limit"/],
    ['limit=ten', /"limit"/],
    ['modle=gpt-4o', /"modle": unknown/],
    ['model=a&model=b', /"model": given more than once/],
    ['environment=', /"environment": empty/],
    [`q=${'x'.repeat(1001)}`, /"q": longer than 1000 characters/],
    ['from=2025-02-01&to=2025-01-01', /"from": is after "to"/],
  ])('rejects %s', (query, message) => {
    expect(() => parse(query)).toThrow(message);
  });
});
