// Experiment runs, newest first, filtered by prompt, dataset, model and status (in the query string).
import './experiments.css';
import { query } from '../../api/client';
import { useApi } from '../../api/use-api';
import { Link, navigate, useLocation, withQuery } from '../../app/router';
import { DataTable } from '../../components/data-table';
import { dateTime, ErrorBox, fixed, Loading, Page, percent, SimulatedNotice } from '../../components/status';
import { ExperimentFilters } from './experiment-filters';
import { type Experiment, type ExperimentList, experimentTitle } from './experiment-types';
import { ModelName } from './model-name';
import { StatusBadge } from './status-badge';

/** The API answers at most 200 runs a request (newest first); filters narrow the list instead of paging it. */
const PAGE_SIZES = [50, 200] as const;

export function ExperimentsPage(_props: Record<string, never>) {
  const location = useLocation();
  const filters = {
    promptName: location.query.get('promptName'),
    datasetName: location.query.get('datasetName'),
    model: location.query.get('model'),
    status: location.query.get('status'),
  };
  const limit = location.query.get('limit') === '200' ? 200 : 50;
  const { data, error } = useApi<ExperimentList>(`/api/experiments${query({ ...filters, limit })}`);
  const rows = data?.items ?? [];
  return (
    <Page title="Experiments" actions={<Link to="/experiments/compare">Compare two runs…</Link>}>
      <ExperimentFilters
        values={filters}
        onChange={(changes) => navigate(withQuery(location, changes), { replace: true })}
      />
      <ErrorBox error={error} />
      {rows.some((row) => row.simulated) ? <SimulatedNotice /> : null}
      {data === null && error === null ? <Loading what="experiments" /> : null}
      {data !== null ? (
        <DataTable<Experiment>
          testId="experiments-table"
          rows={rows}
          rowKey={(row) => row.id}
          empty="No experiments match: run one with `kaizen eval`."
          columns={[
            { header: 'Run', cell: (row) => <Link to={`/experiments/${row.id}`}>{experimentTitle(row)}</Link> },
            {
              header: 'Prompt',
              cell: (row) => (
                <Link to={`/prompts/${encodeURIComponent(row.promptName)}?version=${row.promptVersion}`}>
                  {row.promptName}@v{row.promptVersion}
                </Link>
              ),
            },
            {
              header: 'Dataset',
              cell: (row) => (
                <Link to={`/datasets/${encodeURIComponent(row.datasetName)}?version=${row.datasetVersion}`}>
                  {row.datasetName} v{row.datasetVersion}
                  {row.datasetSplit === null ? '' : ` · ${row.datasetSplit}`}
                </Link>
              ),
            },
            { header: 'Model', cell: (row) => <ModelName experiment={row} /> },
            { header: 'Status', cell: (row) => <StatusBadge status={row.status} /> },
            { header: 'Items', className: 'num', cell: (row) => row.summary?.items ?? '–' },
            { header: 'Pass rate', className: 'num', cell: (row) => percent(row.summary?.passRate) },
            { header: 'Score', className: 'num', cell: (row) => fixed(row.summary?.meanScore, 3) },
            { header: 'Created', cell: (row) => dateTime(row.createdAt) },
            {
              header: '',
              cell: (row) =>
                row.status === 'completed' ? (
                  <Link to={`/experiments/compare?baseline=${row.id}`}>Compare…</Link>
                ) : null,
            },
          ]}
        />
      ) : null}
      {data !== null && rows.length >= limit && limit < 200 ? (
        <div className="pager">
          <span className="muted">The newest {limit} runs.</span>
          <Link to={withQuery(location, { limit: String(PAGE_SIZES[1]) })}>Show the newest 200</Link>
        </div>
      ) : null}
      {data !== null && rows.length >= 200 ? (
        <p className="muted">The newest 200 runs: filter by prompt, dataset or model to see older ones.</p>
      ) : null}
    </Page>
  );
}
