// Cursor paging over an API list: one page in memory at a time, the cursors seen kept to go back.
import { useEffect, useState } from 'react';
import { useApi } from '../../api/use-api';

export interface CursorPages<T> {
  readonly data: T | null;
  readonly error: Error | null;
  readonly loading: boolean;
  /** 1 for the first page. */
  readonly pageNumber: number;
  readonly hasPrevious: boolean;
  next(cursor: string): void;
  previous(): void;
}

/**
 * `path` carries the filters and the page size; the cursor is added here. A new path starts again at page one.
 * @example
 * const pages = useCursorPages<DatasetItemsPage>(`/api/datasets/pages/versions/2/items?limit=50`);
 * pages.data?.nextCursor && pages.next(pages.data.nextCursor);
 */
export function useCursorPages<T>(path: string): CursorPages<T> {
  const [cursors, setCursors] = useState<readonly string[]>([]);
  const [base, setBase] = useState(path);
  // A new path drops the old cursors (they belong to the old filters) in the same render.
  const stack = base === path ? cursors : [];
  useEffect(() => {
    if (base !== path) {
      setBase(path);
      setCursors([]);
    }
  }, [base, path]);
  const cursor = stack.at(-1);
  const separator = path.includes('?') ? '&' : '?';
  const state = useApi<T>(cursor === undefined ? path : `${path}${separator}cursor=${encodeURIComponent(cursor)}`);
  return {
    data: state.data,
    error: state.error,
    loading: state.loading,
    pageNumber: stack.length + 1,
    hasPrevious: stack.length > 0,
    next: (nextCursor) => setCursors([...stack, nextCursor]),
    previous: () => setCursors(stack.slice(0, -1)),
  };
}
