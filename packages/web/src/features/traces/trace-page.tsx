// One trace: totals, the span tree beside the selected span's messages and output, and the checklist results.
import { useMemo } from 'react';
import { useApi } from '../../api/use-api';
import { Link, navigate, useLocation, withQuery } from '../../app/router';
import { ErrorBox, Loading, Page } from '../../components/status';
import { buildSpanTree } from './build-span-tree';
import { ChecklistResults } from './checklist-results';
import { SpanDetails } from './span-details';
import { SpanTree } from './span-tree';
import type { TraceDetail } from './trace-api-types';
import { TraceHeader } from './trace-header';
import { traceTotals } from './trace-totals';
import './traces.css';

const TRACE_ID = /^[0-9a-fA-F]{32}$/;

export function TracePage(props: { readonly traceId: string }) {
  const location = useLocation();
  const valid = TRACE_ID.test(props.traceId);
  const { data, error, loading } = useApi<TraceDetail>(valid ? `/api/traces/${props.traceId}` : null);
  const spans = data?.spans ?? [];
  const tree = useMemo(() => buildSpanTree(spans), [spans]);
  const totals = useMemo(() => (spans.length === 0 ? null : traceTotals(spans)), [spans]);
  const wanted = location.query.get('span');
  const selected = spans.find((span) => span.spanId === wanted) ?? tree[0]?.span ?? null;
  const select = (spanId: string) => navigate(withQuery(location, { span: spanId }), { replace: true });

  return (
    <Page title="Trace" actions={<Link to="/traces">All traces</Link>}>
      <p className="muted">
        <code data-testid="trace-id">{props.traceId}</code>
      </p>
      {valid ? null : <p className="error">Not a trace id: expected 32 hexadecimal characters.</p>}
      <ErrorBox error={error} />
      {loading && data === null ? <Loading what="trace" /> : null}
      {data !== null && totals !== null ? (
        <>
          <TraceHeader totals={totals} spanCount={spans.length} />
          <div className="trace-layout">
            <SpanTree
              roots={tree}
              selected={selected?.spanId ?? null}
              onSelect={select}
              window={{ startMs: Date.parse(totals.startTime), durationMs: totals.durationMs }}
            />
            {selected !== null ? <SpanDetails span={selected} /> : null}
          </div>
          <ChecklistResults traceId={data.traceId} />
        </>
      ) : null}
    </Page>
  );
}
