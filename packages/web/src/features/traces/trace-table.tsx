// The trace list's table: one row per trace summary, each linking to its trace page; untrusted values shown as text.
import type { TraceSummary } from '@kaizen/core';
import { Link } from '../../app/router';
import { type Column, DataTable } from '../../components/data-table';
import { Badge, dateTime, fixed, usd } from '../../components/status';
import { PromptLink } from './prompt-link';
import { count, duration } from './trace-format';

type Row = TraceSummary & { readonly score?: number | null };

function columns(fresh: ReadonlySet<string>): Column<Row>[] {
  return [
    { header: 'Time', cell: (row) => <Link to={`/traces/${row.traceId}`}>{dateTime(row.startTime)}</Link> },
    {
      header: 'Name',
      cell: (row) => (
        <>
          <Link to={`/traces/${row.traceId}`} className="trace-name">
            {row.rootName}
          </Link>
          {fresh.has(row.traceId) ? <Badge tone="warn">new</Badge> : null}
        </>
      ),
    },
    { header: 'Environment', cell: (row) => row.environment ?? <span className="muted">–</span> },
    { header: 'Model', cell: (row) => row.models.join(', ') || <span className="muted">–</span> },
    { header: 'Prompt', cell: (row) => <PromptLink name={row.promptName} version={row.promptVersion} /> },
    {
      header: 'Status',
      cell: (row) => <Badge tone={row.status === 'error' ? 'bad' : 'good'}>{row.status}</Badge>,
    },
    { header: 'Tokens', className: 'num', cell: (row) => count(row.totalTokens) },
    { header: 'Cost', className: 'num', cell: (row) => usd(row.costUsd) },
    { header: 'Latency', className: 'num', cell: (row) => duration(row.durationMs) },
  ];
}

const SCORE: Column<Row> = { header: 'Score', className: 'num', cell: (row) => fixed(row.score ?? null, 2) };

export function TraceTable(props: { readonly rows: readonly Row[]; readonly fresh: ReadonlySet<string> }) {
  // The list route returns summaries; a score column appears only when the server adds scores to them.
  const shown = columns(props.fresh);
  if (props.rows.some((row) => row.score !== undefined)) shown.push(SCORE);
  return (
    <DataTable
      columns={shown}
      rows={props.rows}
      rowKey={(row) => row.traceId}
      empty="No traces match these filters."
      testId="trace-table"
    />
  );
}
