// GETs of several paths at once (one per group), answered together; refetched when the list of paths changes.
import { useEffect, useState } from 'react';
import { api } from '../../api/client';

export interface ManyState<T> {
  /** In the order of the paths; null until every request has answered. */
  readonly data: readonly T[] | null;
  readonly error: Error | null;
  readonly loading: boolean;
}

/**
 * @example
 * const { data } = useApiMany<ScoreTimeseries>(groups.map((group) => `/api/scores/timeseries${query(group)}`));
 */
export function useApiMany<T>(paths: readonly string[] | null): ManyState<T> {
  const [state, setState] = useState<ManyState<T>>({ data: null, error: null, loading: paths !== null });
  // A string key, so a new array of the same paths does not fetch again.
  const key = paths === null ? null : JSON.stringify(paths);

  useEffect(() => {
    if (key === null) return;
    const list = JSON.parse(key) as string[];
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    Promise.all(list.map((path) => api<T>(path, { signal: controller.signal })))
      .then((data) => setState({ data, error: null, loading: false }))
      .catch((reason: unknown) => {
        if (controller.signal.aborted) return;
        setState({ data: null, error: reason instanceof Error ? reason : new Error(String(reason)), loading: false });
      });
    return () => controller.abort();
  }, [key]);

  return state;
}
