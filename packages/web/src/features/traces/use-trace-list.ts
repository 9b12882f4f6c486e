// Fetches one page of the trace list; data belongs to the request that fetched it, so a page or filter change never
// shows the previous page's rows under the new page number while the new page loads.
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { TraceListPage } from './trace-api-types';

interface Fetched {
  readonly path: string;
  readonly data: TraceListPage | null;
  readonly error: Error | null;
}

export function useTraceList(path: string): {
  readonly data: TraceListPage | null;
  readonly error: Error | null;
  readonly loading: boolean;
  /** Fetches the same page again, showing the rows it has until the answer comes. */
  reload(): void;
} {
  const [fetched, setFetched] = useState<Fetched>({ path: '', data: null, error: null });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((value) => value + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick is the reload trigger
  useEffect(() => {
    const controller = new AbortController();
    api<TraceListPage>(path, { signal: controller.signal })
      .then((data) => setFetched({ path, data, error: null }))
      .catch((reason: unknown) => {
        if (controller.signal.aborted) return;
        setFetched({ path, data: null, error: reason instanceof Error ? reason : new Error(String(reason)) });
      });
    return () => controller.abort();
  }, [path, tick]);

  const current = fetched.path === path;
  return {
    data: current ? fetched.data : null,
    error: current ? fetched.error : null,
    loading: !current,
    reload,
  };
}
