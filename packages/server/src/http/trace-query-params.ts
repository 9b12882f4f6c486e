// Validates the query string of GET /api/traces into a TraceQuery; every bad value is a 400 naming the parameter.
import { KaizenError } from '@kaizen/core';
import type { TraceQuery } from '@kaizen/store';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const TEXT_PARAMS = ['environment', 'model', 'promptName', 'promptVersion', 'q', 'cursor'] as const;
const KNOWN_PARAMS = new Set<string>(['from', 'to', 'status', 'limit', ...TEXT_PARAMS]);
const MAX_TEXT_LENGTH = 1000;
const MAX_LIMIT = 1000;

function invalid(param: string, problem: string): KaizenError {
  return new KaizenError('invalid_input', `query parameter "${param}": ${problem}`);
}

/** An ISO 8601 date or date-time, returned in the canonical UTC form the store compares. */
function parseTime(param: string, raw: string): string {
  // An unencoded "+02:00" offset arrives as " 02:00" (a + in a query string means space): put the plus back.
  const value = raw.replace(/ (\d{2}:?\d{2})$/, '+$1');
  const millis = ISO_8601.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(millis))
    throw invalid(param, `expected an ISO 8601 date-time such as 2025-01-31T12:00:00Z, got "${value}"`);
  return new Date(millis).toISOString();
}

function parseLimit(value: string): number {
  const limit = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw invalid('limit', `expected an integer from 1 to ${MAX_LIMIT}, got "${value}"`);
  }
  return limit;
}

/**
 * @example
 * parseTraceQuery(new URL(request.url).searchParams); // { from: '2025-01-01T00:00:00.000Z', status: 'error', limit: 20 }
 */
export function parseTraceQuery(params: URLSearchParams): TraceQuery {
  const query: { -readonly [K in keyof TraceQuery]: TraceQuery[K] } = {};
  const seen = new Set<string>();
  for (const [name, value] of params) {
    // Unknown names are refused rather than ignored: a typo (`modle=`) would otherwise silently match everything.
    if (!KNOWN_PARAMS.has(name)) {
      throw invalid(name, `unknown; expected one of ${[...KNOWN_PARAMS].join(', ')}`);
    }
    if (seen.has(name)) throw invalid(name, 'given more than once');
    seen.add(name);
    if (value === '') throw invalid(name, 'empty');
    if (value.length > MAX_TEXT_LENGTH) throw invalid(name, `longer than ${MAX_TEXT_LENGTH} characters`);
    switch (name) {
      case 'from':
      case 'to':
        query[name] = parseTime(name, value);
        break;
      case 'status':
        if (value !== 'ok' && value !== 'error') throw invalid('status', `expected "ok" or "error", got "${value}"`);
        query.status = value;
        break;
      case 'limit':
        query.limit = parseLimit(value);
        break;
      default:
        query[name as (typeof TEXT_PARAMS)[number]] = value;
    }
  }
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    throw invalid('from', 'is after "to"');
  }
  return query;
}
