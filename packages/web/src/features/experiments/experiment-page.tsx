// One experiment: what ran (prompt, dataset, model, checklist), its summary, per-criterion pass rates and its items
// with outputs and verdicts, a page at a time. A running experiment refreshes itself.
import './experiments.css';
import { useApi } from '../../api/use-api';
import { Link } from '../../app/router';
import { ErrorBox, Loading, Page, SimulatedNotice } from '../../components/status';
import { CriteriaTable } from './criteria-table';
import { ExperimentFacts } from './experiment-facts';
import { ExperimentItemsTable } from './experiment-items-table';
import { type ExperimentWithItems, experimentPath, experimentTitle } from './experiment-types';

export function ExperimentPage(props: { readonly id: string }) {
  const first = useApi<ExperimentWithItems>(experimentPath(props.id));
  const running = first.data?.status === 'running';
  const live = useApi<ExperimentWithItems>(running ? experimentPath(props.id) : null, { refreshMs: 2000 });
  const data = live.data ?? first.data;
  if (data === null) {
    return (
      <Page title="Experiment">
        <ErrorBox error={first.error} />
        {first.error === null ? <Loading what="experiment" /> : null}
      </Page>
    );
  }
  return (
    <Page
      title={experimentTitle(data)}
      actions={
        data.status === 'completed' ? (
          <Link to={`/experiments/compare?baseline=${data.id}`}>Compare with another run…</Link>
        ) : undefined
      }
    >
      <div className="experiments-feature">
        {data.simulated ? <SimulatedNotice /> : null}
        <ErrorBox error={live.error} />
        <ExperimentFacts experiment={data} />
        <section className="card">
          <h2>Criteria</h2>
          <CriteriaTable experiment={data} />
        </section>
        <section className="card">
          <h2>Items</h2>
          <ExperimentItemsTable experiment={data} />
        </section>
      </div>
    </Page>
  );
}
