// Cursor paging over an API list: one page in memory at a time, the cursors seen kept to go back. A page's rows are
// shown only once they are the rows of the page asked for (never the previous page's under the new page's number).
import { useEffect, useState } from 'react';
import { api } from '../../api/client';

export interface CursorPages<T> {
  /** The page asked for; null while it loads. */
  readonly data: T | null;
  readonly error: Error | null;
  readonly loading: boolean;
  /** 1 for the first page. */
  readonly pageNumber: number;
  readonly hasPrevious: boolean;
  next(cursor: string): void;
  previous(): void;
}

interface Fetched<T> {
  readonly path: string;
  readonly data: T | null;
  readonly error: Error | null;
}

/**
 * `path` carries the filters and the page size; the cursor is added here. A new path starts again at page one.
 * @example
 * const pages = useCursorPages<DatasetItemPage>(`/api/datasets/pages/versions/2/items?limit=50`);
 * pages.data?.nextCursor && pages.next(pages.data.nextCursor);
 */
export function useCursorPages<T>(path: string): CursorPages<T> {
  const [position, setPosition] = useState<{ readonly path: string; readonly cursors: readonly string[] }>({
    path,
    cursors: [],
  });
  // The cursors of another path belong to other filters: a new path starts at page one.
  const cursors = position.path === path ? position.cursors : [];
  const cursor = cursors.at(-1);
  const separator = path.includes('?') ? '&' : '?';
  const full = cursor === undefined ? path : `${path}${separator}cursor=${encodeURIComponent(cursor)}`;
  const [fetched, setFetched] = useState<Fetched<T>>({ path: '', data: null, error: null });

  useEffect(() => {
    const controller = new AbortController();
    api<T>(full, { signal: controller.signal })
      .then((data) => setFetched({ path: full, data, error: null }))
      .catch((reason: unknown) => {
        if (controller.signal.aborted) return;
        setFetched({ path: full, data: null, error: reason instanceof Error ? reason : new Error(String(reason)) });
      });
    return () => controller.abort();
  }, [full]);

  const current = fetched.path === full ? fetched : null;
  return {
    data: current?.data ?? null,
    error: current?.error ?? null,
    loading: current === null,
    pageNumber: cursors.length + 1,
    hasPrevious: cursors.length > 0,
    next: (nextCursor) => setPosition({ path, cursors: [...cursors, nextCursor] }),
    previous: () => setPosition({ path, cursors: cursors.slice(0, -1) }),
  };
}
