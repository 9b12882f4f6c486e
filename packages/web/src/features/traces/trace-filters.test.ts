import { describe, expect, it } from 'vitest';
import { nextPage, previousPage, readFilters, readLimit, readPosition, withFilters } from './trace-filters';

/** The position after applying query changes to a query string. */
function apply(query: string, changes: Record<string, string | null>): URLSearchParams {
  const next = new URLSearchParams(query);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) next.delete(key);
    else next.set(key, value);
  }
  return next;
}

describe('trace list position', () => {
  it('walks forward and back through cursors, keeping the way back in the query', () => {
    let query = new URLSearchParams('environment=staging');
    expect(readPosition(query)).toEqual({ cursor: null, back: [], page: 1 });
    query = apply(query.toString(), nextPage(readPosition(query), 'c2'));
    expect(readPosition(query)).toEqual({ cursor: 'c2', back: [], page: 2 });
    query = apply(query.toString(), nextPage(readPosition(query), 'c3'));
    expect(readPosition(query)).toEqual({ cursor: 'c3', back: ['c2'], page: 3 });
    expect(query.get('environment')).toBe('staging');
    query = apply(query.toString(), previousPage(readPosition(query)));
    expect(readPosition(query)).toEqual({ cursor: 'c2', back: [], page: 2 });
    query = apply(query.toString(), previousPage(readPosition(query)));
    expect(readPosition(query)).toEqual({ cursor: null, back: [], page: 1 });
    expect(query.toString()).toBe('environment=staging');
  });

  it('keeps at most 100 cursors; past them Previous falls back to the first page', () => {
    let query = new URLSearchParams();
    for (let page = 2; page <= 130; page++) query = apply(query.toString(), nextPage(readPosition(query), `c${page}`));
    const position = readPosition(query);
    expect(position.page).toBe(130);
    expect(position.back).toHaveLength(100);
    expect(position.back.at(-1)).toBe('c129');
    let walked = position;
    for (let step = 0; step < 100; step++) walked = readPosition(apply(query.toString(), previousPage(walked)));
    expect(walked).toEqual({ cursor: 'c30', back: [], page: 30 });
    expect(readPosition(apply(query.toString(), previousPage(walked)))).toEqual({ cursor: null, back: [], page: 1 });
  });

  it('goes back to the first page when a filter changes', () => {
    expect(withFilters({ model: 'gpt-4o' })).toEqual({ model: 'gpt-4o', cursor: null, back: null, page: null });
  });

  it('reads only known, non-empty filters and a valid limit', () => {
    const query = new URLSearchParams('model=gpt-4o&q=&unknown=1&status=error&limit=5000');
    expect(readFilters(query)).toEqual({ model: 'gpt-4o', status: 'error' });
    expect(readLimit(query)).toBe(50);
    expect(readLimit(new URLSearchParams('limit=10'))).toBe(10);
  });
});
