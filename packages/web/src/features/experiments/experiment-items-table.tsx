// A run's items with their output and the verdict of every criterion, filtered by verdict or failed criterion and
// shown 25 a page (?verdict=&criterion=&page=).
import { navigate, useLocation, withQuery } from '../../app/router';
import { DataTable } from '../../components/data-table';
import { fixed } from '../../components/status';
import { JsonOrText } from '../../components/text-blocks';
import { CriterionVerdicts } from './criterion-verdicts';
import type { ExperimentItemRecord, ExperimentWithItems } from './experiment-types';
import { ItemVerdict } from './item-verdict';
import { Pager } from './pager';

const PAGE_SIZE = 25;

type Verdict = 'passed' | 'failed' | 'error';

function verdictOf(item: ExperimentItemRecord): Verdict {
  if (item.error !== null || item.result === null || item.result.errors > 0) return 'error';
  return item.result.passed ? 'passed' : 'failed';
}

export function ExperimentItemsTable(props: { readonly experiment: ExperimentWithItems }) {
  const location = useLocation();
  const verdict = location.query.get('verdict');
  const criterion = location.query.get('criterion');
  const items = props.experiment.items.filter(
    (item) =>
      (verdict === null || verdictOf(item) === verdict) &&
      (criterion === null ||
        item.result?.results.some((entry) => entry.criterionId === criterion && entry.status === 'failed') === true),
  );
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number(location.query.get('page') ?? '1') || 1));
  const shown = items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const go = (changes: Readonly<Record<string, string | null>>) =>
    navigate(withQuery(location, changes), { replace: true });
  return (
    <div>
      <div className="filters">
        <label>
          Verdict
          <select
            aria-label="Verdict"
            value={verdict ?? ''}
            onChange={(event) => go({ verdict: event.target.value, page: null })}
          >
            <option value="">any</option>
            <option value="passed">passed</option>
            <option value="failed">failed</option>
            <option value="error">error</option>
          </select>
        </label>
        <label>
          Failed criterion
          <select
            aria-label="Failed criterion"
            value={criterion ?? ''}
            onChange={(event) => go({ criterion: event.target.value, page: null })}
          >
            <option value="">any</option>
            {props.experiment.criteria.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.id}
              </option>
            ))}
          </select>
        </label>
      </div>
      <DataTable<ExperimentItemRecord>
        testId="experiment-items"
        rows={shown}
        rowKey={(row) => row.itemId}
        empty="No item matches."
        columns={[
          { header: 'Item', cell: (row) => <code>{row.itemId}</code> },
          { header: 'Verdict', cell: (row) => <ItemVerdict item={row} /> },
          { header: 'Score', className: 'num', cell: (row) => fixed(row.result?.score, 2) },
          {
            header: 'Output',
            className: 'output-cell',
            cell: (row) =>
              row.error !== null ? <p className="error">{row.error}</p> : <JsonOrText text={row.output} />,
          },
          { header: 'Criteria', cell: (row) => <CriterionVerdicts result={row.result} /> },
          {
            header: 'Call',
            cell: (row) => (
              <span className="muted">
                {row.cached ? 'cached · ' : ''}
                {row.latencyMs === null ? '–' : `${Math.round(row.latencyMs)} ms`}
              </span>
            ),
          },
        ]}
      />
      <Pager
        label={`page ${page} of ${pages} · ${items.length} items`}
        hasPrevious={page > 1}
        hasNext={page < pages}
        onPrevious={() => go({ page: String(page - 1) })}
        onNext={() => go({ page: String(page + 1) })}
      />
    </div>
  );
}
