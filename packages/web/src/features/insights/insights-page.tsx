// Insights: the stored root-cause reports (newest first, filtered by evaluator in the URL) and the form that
// computes a new one.
import { query } from '../../api/client';
import { useApi } from '../../api/use-api';
import { Link, navigate, useLocation, withQuery } from '../../app/router';
import { DataTable } from '../../components/data-table';
import { dateTime, ErrorBox, Loading, Page } from '../../components/status';
import { ComputeInsightForm } from './compute-insight-form';
import { describeView } from './describe-view';
import type { InsightSummary } from './insight-types';
import './insights.css';

export function InsightsPage(_props: Record<string, never>) {
  const location = useLocation();
  const evaluator = location.query.get('evaluator');
  const evaluators = useApi<{ items: { name: string }[] }>('/api/evaluators');
  const list = useApi<{ items: InsightSummary[] }>(`/api/insights${query({ evaluator, limit: 100 })}`);
  const names = evaluators.data?.items.map((item) => item.name) ?? [];

  return (
    <Page title="Insights">
      <p className="muted">
        Root-cause reports: which criteria lose the most score, what the failing traces have in common, and the traces
        that show it.
      </p>
      <ComputeInsightForm evaluators={names} />
      <h2>Reports</h2>
      <div className="filters">
        <label>
          Evaluator
          <select
            value={evaluator ?? ''}
            onChange={(event) => navigate(withQuery(location, { evaluator: event.target.value }))}
          >
            <option value="">All</option>
            {names.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorBox error={list.error ?? evaluators.error} />
      {list.data === null ? (
        list.loading ? (
          <Loading what="reports" />
        ) : null
      ) : (
        <DataTable
          testId="insight-list"
          rows={list.data.items}
          rowKey={(row) => row.id}
          empty="No reports yet: compute one above."
          columns={[
            { header: 'Computed', cell: (row) => <Link to={`/insights/${row.id}`}>{dateTime(row.createdAt)}</Link> },
            { header: 'View', cell: (row) => describeView(row.view) },
            { header: 'Items', className: 'num', cell: (row) => row.traceCount },
          ]}
        />
      )}
    </Page>
  );
}
