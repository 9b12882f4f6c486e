// The optimization runs of the project, newest first: what each improves, how far it got, what it spent.
import { useEffect, useState } from 'react';
import { query } from '../../api/client';
import { useApi } from '../../api/use-api';
import { Link, navigate, useLocation, withQuery } from '../../app/router';
import { type Column, DataTable } from '../../components/data-table';
import { Badge, dateTime, ErrorBox, Loading, Page, SimulatedNotice } from '../../components/status';
import { score, spendSummary } from './optimization-format';
import type { OptimizationRun, OptimizationRunStatus } from './optimization-types';
import { RunStatusBadge } from './run-status-badge';

const STATUSES: readonly OptimizationRunStatus[] = [
  'running',
  'completed',
  'plateau',
  'budget-exhausted',
  'cancelled',
  'failed',
  'interrupted',
];

const COLUMNS: readonly Column<OptimizationRun>[] = [
  {
    header: 'Prompt',
    cell: (run) => (
      <Link to={`/optimizations/${run.id}`}>
        {run.promptName} v{run.startVersion}
        {run.bestVersion !== null && run.bestVersion !== run.startVersion ? ` → v${run.bestVersion}` : ''}
      </Link>
    ),
  },
  { header: 'Status', cell: (run) => <RunStatusBadge status={run.status} /> },
  {
    header: 'Rounds',
    className: 'num',
    cell: (run) => (run.budget.maxRounds === undefined ? run.round : `${run.round} / ${run.budget.maxRounds}`),
  },
  { header: 'Candidates', className: 'num', cell: (run) => run.progress.candidates },
  {
    header: 'Best score',
    className: 'num',
    cell: (run) =>
      run.result === null
        ? score(run.progress.bestValidationScore)
        : `${score(run.result.validation.before.score)} → ${score(run.result.validation.after.score)}`,
  },
  { header: 'Spent', cell: (run) => spendSummary(run.spend) },
  { header: 'Dataset', cell: (run) => `${run.datasetName} v${run.datasetVersion}` },
  { header: 'Created', cell: (run) => dateTime(run.createdAt) },
  { header: 'Model', cell: (run) => (run.simulated ? <Badge tone="warn">simulated</Badge> : run.model) },
];

export function OptimizationsPage(_props: Record<string, never>) {
  const location = useLocation();
  const status = location.query.get('status') ?? '';
  const promptName = location.query.get('prompt') ?? '';
  const [anyRunning, setAnyRunning] = useState(false);
  // Live while any listed run is running; the timer stops once none is.
  const runs = useApi<{ items: OptimizationRun[] }>(
    `/api/optimizations${query({ status, promptName, limit: 100 })}`,
    anyRunning ? { refreshMs: 1500 } : {},
  );
  const running = runs.data?.items.some((run) => run.status === 'running') ?? false;
  useEffect(() => setAnyRunning(running), [running]);
  const set = (changes: Record<string, string | null>) => navigate(withQuery(location, changes), { replace: true });

  return (
    <Page title="Optimization runs">
      <div className="filters">
        <label>
          Status
          <select value={status} onChange={(event) => set({ status: event.target.value })}>
            <option value="">any</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
        <label>
          Prompt
          <input defaultValue={promptName} onBlur={(event) => set({ prompt: event.target.value.trim() })} />
        </label>
      </div>
      <ErrorBox error={runs.error} />
      {runs.data === null ? (
        runs.loading ? (
          <Loading what="optimization runs" />
        ) : null
      ) : (
        <>
          {runs.data.items.some((run) => run.simulated) ? <SimulatedNotice /> : null}
          <DataTable
            testId="optimization-runs"
            columns={COLUMNS}
            rows={runs.data.items}
            rowKey={(run) => run.id}
            empty="No optimization runs yet: start one with kaizen optimize or POST /api/optimizations."
          />
        </>
      )}
    </Page>
  );
}
