// A React hook for GET requests: data, error and loading state, refetched when the path changes.
import { useCallback, useEffect, useState } from 'react';
import { api } from './client';

export interface ApiState<T> {
  readonly data: T | null;
  readonly error: Error | null;
  readonly loading: boolean;
  /** Fetches again (after a write, or on a timer for live views). */
  reload(): void;
}

/**
 * @example
 * const { data, error, loading } = useApi<PromptList>('/api/prompts');
 * useApi<Run>(id === null ? null : `/api/optimizations/${id}`, { refreshMs: 1000 });
 */
export function useApi<T>(path: string | null, options: { readonly refreshMs?: number } = {}): ApiState<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((value) => value + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick is the reload trigger
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setLoading(true);
    api<T>(path, { signal: controller.signal })
      .then((value) => {
        setData(value);
        setError(null);
      })
      .catch((reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(reason instanceof Error ? reason : new Error(String(reason)));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [path, tick]);

  useEffect(() => {
    if (options.refreshMs === undefined || path === null) return;
    const timer = setInterval(reload, options.refreshMs);
    return () => clearInterval(timer);
  }, [options.refreshMs, path, reload]);

  return { data, error, loading, reload };
}
