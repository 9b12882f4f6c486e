// The trace list: filters and the environment switcher in the URL, one server page at a time, live on the first page.
import type { TraceSummary } from '@kaizen/core';
import { useState } from 'react';
import { query } from '../../api/client';
import { navigate, useLocation, withQuery } from '../../app/router';
import { ErrorBox, Loading, Page } from '../../components/status';
import { CursorPager } from './cursor-pager';
import { EnvironmentTabs } from './environment-tabs';
import { LiveNotice } from './live-notice';
import { TraceFilterForm } from './trace-filter-form';
import { readFilters, readLimit, readPosition } from './trace-filters';
import { TraceTable } from './trace-table';
import { type NewTraces, useNewTraces } from './use-new-traces';
import { useTraceList } from './use-trace-list';
import './traces.css';

interface Arrivals {
  /** The request the arrivals are newer than: a new page or filter drops them. */
  readonly path: string;
  readonly items: readonly TraceSummary[];
  readonly overflow: boolean;
}

const distinct = (values: readonly (string | null)[]): string[] =>
  [...new Set(values.filter((value): value is string => value !== null))].sort();

export function TracesPage(_props: Record<string, never>) {
  const location = useLocation();
  const filters = readFilters(location.query);
  const limit = readLimit(location.query);
  const position = readPosition(location.query);
  const live = location.query.get('live') !== 'off';
  const path = `/api/traces${query({ ...filters, limit, cursor: position.cursor })}`;
  const { data, error, loading, reload } = useTraceList(path);
  const [arrivals, setArrivals] = useState<Arrivals>({ path, items: [], overflow: false });

  const fresh = arrivals.path === path && data !== null ? arrivals : { path, items: [], overflow: false };
  const rows = [...fresh.items, ...(data?.items ?? [])];
  const onNew = (found: NewTraces) =>
    setArrivals((previous) => {
      const kept = previous.path === path ? previous : { path, items: [], overflow: false };
      if (found.overflow) return { ...kept, overflow: true };
      return { path, items: [...found.items, ...kept.items], overflow: kept.overflow };
    });
  const showLatest = () => {
    setArrivals({ path, items: [], overflow: false });
    reload();
  };
  useNewTraces({ enabled: live && position.cursor === null && data !== null, filters, limit, shown: rows, onNew });

  const filterKey = JSON.stringify(filters);
  return (
    <Page
      title="Traces"
      actions={
        <label className="live-toggle">
          <input
            type="checkbox"
            checked={live}
            onChange={() => navigate(withQuery(location, { live: live ? 'off' : null }), { replace: true })}
          />
          Live
        </label>
      }
    >
      <EnvironmentTabs current={filters.environment} found={distinct(rows.map((row) => row.environment))} />
      <TraceFilterForm
        key={filterKey}
        filters={filters}
        models={distinct(rows.flatMap((row) => row.models))}
        prompts={distinct(rows.map((row) => row.promptName))}
      />
      <LiveNotice
        live={live}
        firstPage={position.cursor === null}
        count={fresh.items.length}
        overflow={fresh.overflow}
        onShowLatest={showLatest}
      />
      <ErrorBox error={error} />
      {data === null ? (
        loading ? (
          <Loading what="traces" />
        ) : null
      ) : (
        <>
          <TraceTable rows={rows} fresh={new Set(fresh.items.map((item) => item.traceId))} />
          <CursorPager position={position} nextCursor={data.nextCursor} shown={rows.length} />
        </>
      )}
    </Page>
  );
}
