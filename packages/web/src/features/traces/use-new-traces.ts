// Live mode of the trace list: polls the first page's query for traces newer than the newest shown, one page at most.
import type { TraceSummary } from '@kaizen/core';
import { useEffect, useRef } from 'react';
import { api, query } from '../../api/client';
import type { TraceListPage } from './trace-api-types';
import type { TraceFilters } from './trace-filters';

export const LIVE_INTERVAL_MS = 3000;

export interface NewTraces {
  /** Traces not shown yet, newest first. */
  readonly items: readonly TraceSummary[];
  /** More arrived than one page holds: prepending would leave a gap, so the list should be reloaded instead. */
  readonly overflow: boolean;
}

function later(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/**
 * Every LIVE_INTERVAL_MS while `enabled`, asks for the traces of `filters` starting at or after the newest shown one
 * and hands those not in `shown` to `onNew`. One request at a time; a failed poll is tried again at the next tick.
 */
export function useNewTraces(options: {
  readonly enabled: boolean;
  readonly filters: TraceFilters;
  readonly limit: number;
  readonly shown: readonly TraceSummary[];
  readonly onNew: (found: NewTraces) => void;
}): void {
  // The latest values, read by the timer without restarting it at every render.
  const latest = useRef(options);
  latest.current = options;
  const filtersKey = JSON.stringify(options.filters);

  // biome-ignore lint/correctness/useExhaustiveDependencies: filtersKey stands for the filters the timer reads
  useEffect(() => {
    if (!options.enabled) return;
    let inFlight = false;
    let stopped = false;
    const controller = new AbortController();
    const poll = async () => {
      if (inFlight) return;
      inFlight = true;
      try {
        const { filters, limit, shown } = latest.current;
        const newest = shown.reduce<string | undefined>((max, item) => later(max, item.startTime), undefined);
        const path = `/api/traces${query({ ...filters, from: later(filters.from, newest), limit })}`;
        const page = await api<TraceListPage>(path, { signal: controller.signal });
        if (stopped) return;
        const known = new Set(latest.current.shown.map((item) => item.traceId));
        const items = page.items.filter((item) => !known.has(item.traceId));
        if (items.length === 0) return;
        const overflow = page.nextCursor !== null && items.length === page.items.length;
        latest.current.onNew({ items, overflow });
      } catch {
        // A poll that fails (offline, server restarting) is simply tried again at the next tick.
      } finally {
        inFlight = false;
      }
    };
    const timer = setInterval(poll, LIVE_INTERVAL_MS);
    return () => {
      stopped = true;
      controller.abort();
      clearInterval(timer);
    };
  }, [options.enabled, filtersKey, options.limit]);
}
