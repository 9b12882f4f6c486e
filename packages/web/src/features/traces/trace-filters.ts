// The trace list's state in the address bar: filters, page size and the cursor stack, read and written as a query.

/** The filters of GET /api/traces, under the same names in the page's query string. */
export const FILTER_KEYS = [
  'environment',
  'model',
  'promptName',
  'promptVersion',
  'status',
  'q',
  'from',
  'to',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type TraceFilters = Readonly<Partial<Record<FilterKey, string>>>;

export const DEFAULT_LIMIT = 50;
/** Cursors kept for "Previous": each is ~80 characters, so 100 keep a reloaded URL under the server's header limit. */
const MAX_BACK = 100;

export interface ListPosition {
  /** The cursor of the page shown; null on the first page. */
  readonly cursor: string | null;
  /** The cursors of the pages before it, oldest first, the first page (no cursor) left out. */
  readonly back: readonly string[];
  /** 1-based page number. */
  readonly page: number;
}

export function readFilters(query: URLSearchParams): TraceFilters {
  const filters: Partial<Record<FilterKey, string>> = {};
  for (const key of FILTER_KEYS) {
    const value = query.get(key);
    if (value !== null && value !== '') filters[key] = value;
  }
  return filters;
}

export function readLimit(query: URLSearchParams): number {
  const limit = Number(query.get('limit'));
  return Number.isInteger(limit) && limit >= 1 && limit <= 1000 ? limit : DEFAULT_LIMIT;
}

export function readPosition(query: URLSearchParams): ListPosition {
  const cursor = query.get('cursor') || null;
  const back = cursor === null ? [] : (query.get('back') ?? '').split(',').filter((item) => item !== '');
  const page = Number(query.get('page'));
  return { cursor, back, page: cursor === null ? 1 : Number.isInteger(page) && page > 1 ? page : back.length + 2 };
}

/** Query changes that open the next page (`next` is the shown page's nextCursor). */
export function nextPage(position: ListPosition, next: string): Record<string, string | null> {
  const back = position.cursor === null ? position.back : [...position.back, position.cursor].slice(-MAX_BACK);
  return { cursor: next, back: back.join(',') || null, page: String(position.page + 1) };
}

/** Query changes that open the previous page; with no cursor left (a long walk trimmed them), the first page. */
export function previousPage(position: ListPosition): Record<string, string | null> {
  const cursor = position.back.at(-1) ?? null;
  if (cursor === null || position.page <= 2) return { cursor: null, back: null, page: null };
  return { cursor, back: position.back.slice(0, -1).join(',') || null, page: String(position.page - 1) };
}

/** Query changes that apply new filters: back to the first page. */
export function withFilters(
  changes: TraceFilters | Readonly<Record<string, string | null>>,
): Record<string, string | null> {
  return { ...changes, cursor: null, back: null, page: null } as Record<string, string | null>;
}
