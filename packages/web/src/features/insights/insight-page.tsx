// One root-cause report: what it covers, its caveats, the ranked causes, then each cause in full.
import { useApi } from '../../api/use-api';
import { Link } from '../../app/router';
import { dateTime, ErrorBox, Loading, Page } from '../../components/status';
import { CauseSection } from './cause-section';
import { CausesTable } from './causes-table';
import { describeView } from './describe-view';
import type { Insight } from './insight-types';
import './insights.css';

export function InsightPage(props: { readonly id: string }) {
  const insight = useApi<Insight>(`/api/insights/${encodeURIComponent(props.id)}`);
  const actions = <Link to="/insights">All reports</Link>;
  if (insight.data === null) {
    return (
      <Page title="Insight" actions={actions}>
        <ErrorBox error={insight.error} />
        {insight.loading ? <Loading what="report" /> : null}
      </Page>
    );
  }
  const { view, report } = insight.data;
  return (
    <Page title="Insight" actions={actions}>
      <p data-testid="insight-view">
        <strong>{describeView(view)}</strong>
        <span className="muted">
          {' '}
          · computed {dateTime(insight.data.createdAt)} over {insight.data.traceCount}{' '}
          {view.experimentId === undefined ? 'scored traces' : 'items'} · {report.totals.failures} criterion failures ·
          drivers need support ≥ {report.totals.minSupport} and q &lt; {report.totals.alpha} ({report.totals.tests}{' '}
          tests)
        </span>
      </p>
      {report.notes.length > 0 ? (
        <ul className="notice insight-notes" data-testid="insight-notes">
          {report.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      <h2>Root causes, ranked by share of the lost score</h2>
      <CausesTable causes={report.causes} />
      {report.causes.map((cause, index) => (
        <CauseSection
          key={cause.id}
          cause={cause}
          rank={index + 1}
          failureModes={report.failureModes}
          narrative={report.narratives?.[cause.id]}
          experimentId={view.experimentId}
        />
      ))}
    </Page>
  );
}
