// Two completed runs on the same dataset compared item by item: per-criterion pass rates before and after with the
// change, its CI and significance; the items fixed and broken; one item's output diff. The choices are in the query
// string (?baseline=&candidate=&criterion=&item=), so a comparison can be shared as a link.
import './experiments.css';
import { useApi } from '../../api/use-api';
import { Link, navigate, useLocation, withQuery } from '../../app/router';
import { ErrorBox, fixed, Loading, Page, SimulatedNotice } from '../../components/status';
import { ComparePicker } from './compare-picker';
import { ComparisonTable } from './comparison-table';
import {
  type ComparedExperiments,
  type ExperimentItemRecord,
  type ExperimentWithItems,
  experimentPath,
  experimentTitle,
  promptAt,
} from './experiment-types';
import { FlippedItems } from './flipped-items';
import { ItemOutputDiff } from './item-output-diff';
import { ItemPicker } from './item-picker';

/** The run's items by id; none while `run` is still the previous choice's. */
function byId(run: ExperimentWithItems | null, id: string | null): ReadonlyMap<string, ExperimentItemRecord> {
  return new Map(run?.id === id ? run.items.map((item) => [item.itemId, item]) : []);
}

export function ComparePage(_props: Record<string, never>) {
  const location = useLocation();
  const baselineId = location.query.get('baseline');
  const candidateId = location.query.get('candidate');
  const scope = location.query.get('criterion') ?? '';
  const itemId = location.query.get('item');
  const ready = baselineId !== null && candidateId !== null;
  const compared = useApi<ComparedExperiments>(
    ready
      ? `/api/experiments/compare?baseline=${encodeURIComponent(baselineId)}&candidate=${encodeURIComponent(candidateId)}`
      : null,
  );
  // The outputs are only in the runs themselves; fetched once the comparison says both runs compare.
  const loaded = compared.data !== null && ready;
  const baselineRun = useApi<ExperimentWithItems>(loaded ? experimentPath(baselineId) : null);
  const candidateRun = useApi<ExperimentWithItems>(loaded ? experimentPath(candidateId) : null);
  const linkTo = (changes: Readonly<Record<string, string | null>>) => withQuery(location, changes);

  const answer =
    ready &&
    compared.data !== null &&
    compared.data.baseline.id === baselineId &&
    compared.data.candidate.id === candidateId
      ? compared.data
      : null;
  const comparison = answer?.comparison;
  const flips =
    comparison === undefined
      ? null
      : scope === ''
        ? comparison.overall
        : (comparison.criteria.find((criterion) => criterion.criterionId === scope) ?? comparison.overall);
  const baselineItems = byId(baselineRun.data, baselineId);
  const candidateItems = byId(candidateRun.data, candidateId);

  return (
    <Page title="Compare experiments">
      <div className="experiments-feature">
        <ComparePicker
          baseline={baselineId}
          candidate={candidateId}
          onChange={(changes) => navigate(withQuery(location, { ...changes, item: null, criterion: null }))}
        />
        {!ready ? (
          <p className="muted">Pick a baseline and a candidate: two completed runs on the same dataset.</p>
        ) : null}
        {ready ? <ErrorBox error={compared.error} /> : null}
        {ready && answer === null && compared.error === null ? <Loading what="comparison" /> : null}
        {answer !== null && comparison !== undefined && flips !== null ? (
          <>
            {answer.simulated ? <SimulatedNotice /> : null}
            {answer.warnings
              .filter((warning) => !warning.startsWith('SIMULATED'))
              .map((warning) => (
                <p key={warning} className="notice">
                  {warning}
                </p>
              ))}
            <section className="card" data-testid="compare-summary">
              <h2>
                <Link to={`/experiments/${answer.baseline.id}`}>{experimentTitle(answer.baseline)}</Link> →{' '}
                <Link to={`/experiments/${answer.candidate.id}`}>{experimentTitle(answer.candidate)}</Link>
              </h2>
              <p className="muted">
                {promptAt(answer.baseline)} ({answer.baseline.model}) → {promptAt(answer.candidate)} (
                {answer.candidate.model}) · {comparison.paired} paired items
                {comparison.baselineOnly.length + comparison.candidateOnly.length > 0
                  ? ` · ${comparison.baselineOnly.length} only in the baseline, ${comparison.candidateOnly.length} only in the candidate`
                  : ''}
              </p>
              {comparison.score !== null ? (
                <p data-testid="score-delta">
                  Mean score {fixed(comparison.score.baselineMean, 3)} → {fixed(comparison.score.candidateMean, 3)} (Δ{' '}
                  {comparison.score.delta > 0 ? '+' : ''}
                  {fixed(comparison.score.delta, 3)}, 95% CI [{fixed(comparison.score.ci95[0], 3)},{' '}
                  {fixed(comparison.score.ci95[1], 3)}], n = {comparison.score.n})
                </p>
              ) : null}
              <ComparisonTable comparison={comparison} scope={scope} linkTo={linkTo} />
              <p className="muted">
                Δ in percentage points; CI: paired bootstrap (10,000 resamples); p: McNemar's exact test on the items
                that flipped. Per criterion, only items where the criterion passed or failed in both runs count.
              </p>
            </section>
            <h2>
              {scope === '' ? (
                'Items that flipped overall'
              ) : (
                <>
                  Items that flipped on <code>{scope}</code>
                </>
              )}
            </h2>
            <ErrorBox error={baselineRun.error ?? candidateRun.error} />
            <div className="grid-2">
              <FlippedItems
                key={`fixed-${scope}`}
                title="Fixed"
                testId="fixed-items"
                ids={flips.fixedItemIds}
                baseline={baselineItems}
                candidate={candidateItems}
                selected={itemId}
                linkTo={linkTo}
              />
              <FlippedItems
                key={`broken-${scope}`}
                title="Broken"
                testId="broken-items"
                ids={flips.brokenItemIds}
                baseline={baselineItems}
                candidate={candidateItems}
                selected={itemId}
                linkTo={linkTo}
              />
            </div>
            <ItemPicker itemId={itemId} onPick={(id) => navigate(linkTo({ item: id }))} />
            {itemId !== null ? (
              baselineRun.data?.id !== baselineId || candidateRun.data?.id !== candidateId ? (
                <Loading what="outputs" />
              ) : (
                <ItemOutputDiff
                  itemId={itemId}
                  baseline={baselineItems.get(itemId)}
                  candidate={candidateItems.get(itemId)}
                />
              )
            ) : null}
          </>
        ) : null}
      </div>
    </Page>
  );
}
