// One optimization run: live progress while it runs, then the per-criterion report on validation and holdout, the
// winner's label button, the Pareto front, the rounds of candidates and a candidate's diffs.
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/use-api';
import { Link, useLocation } from '../../app/router';
import { ErrorBox, Loading, Page, SimulatedNotice } from '../../components/status';
import { CandidateDetail } from './candidate-detail';
import { CriteriaReport } from './criteria-report';
import { LabelWinner } from './label-winner';
import type { OptimizationCandidateView, OptimizationRun } from './optimization-types';
import { ParetoChart } from './pareto-chart';
import { RunControls } from './run-controls';
import { RunMeta } from './run-meta';
import { RunProgress } from './run-progress';
import { RunRounds } from './run-rounds';
import { RunStatusBadge } from './run-status-badge';

/** How often a running run is read again; the timers stop once it has ended. */
const REFRESH_MS = 1000;

export function OptimizationPage(props: { readonly id: string }) {
  const location = useLocation();
  const [running, setRunning] = useState(false);
  const refresh = running ? { refreshMs: REFRESH_MS } : {};
  const run = useApi<OptimizationRun>(`/api/optimizations/${encodeURIComponent(props.id)}`, refresh);
  const candidates = useApi<{ items: OptimizationCandidateView[] }>(
    `/api/optimizations/${encodeURIComponent(props.id)}/candidates`,
    refresh,
  );
  const status = run.data?.status;
  const round = run.data?.round;
  useEffect(() => setRunning(status === 'running'), [status]);

  // When the run ends (or a round does) between two timer ticks, read the candidates once more so the last
  // candidates and their final statuses are shown after the timers stop.
  const seen = useRef<string | null>(null);
  const reloadCandidates = candidates.reload;
  useEffect(() => {
    if (status === undefined) return;
    const key = `${status}:${round}`;
    if (seen.current !== null && seen.current !== key) reloadCandidates();
    seen.current = key;
  }, [status, round, reloadCandidates]);

  const data = run.data;
  if (data === null) {
    return (
      <Page title="Optimization run">
        <ErrorBox error={run.error} />
        {run.loading ? <Loading what="optimization run" /> : null}
      </Page>
    );
  }
  const items = candidates.data?.items ?? [];
  const result = data.result;
  const bestId = result?.bestId ?? data.progress.bestCandidateId;
  const startId = result?.startId ?? items.find((item) => item.parentId === null)?.id ?? 'c0';
  const best = items.find((item) => item.id === bestId);
  const selectedId = location.query.get('candidate') ?? (bestId !== startId ? bestId : null);
  const selected = items.find((item) => item.id === selectedId);

  return (
    <Page
      title={`Optimization of ${data.promptName} v${data.startVersion}`}
      actions={
        <>
          <RunStatusBadge status={data.status} />
          <RunControls run={data} onChanged={run.reload} />
        </>
      }
    >
      <p className="muted" style={{ marginTop: 0 }}>
        <Link to="/optimizations">All runs</Link> · run <code>{data.id}</code>
      </p>
      {data.simulated ? <SimulatedNotice /> : null}
      <ErrorBox error={run.error ?? candidates.error} />
      {data.error !== null ? (
        <p className="error" data-testid="run-error">
          The run failed: {data.error}
        </p>
      ) : null}
      <RunMeta run={data} />
      <RunProgress run={data} />

      <h2 style={{ fontSize: 17 }}>Result</h2>
      {result === null ? (
        <p className="muted" data-testid="result-pending">
          {data.status === 'running'
            ? 'The before → after report comes when the run ends.'
            : 'This run stopped without a result: resume it to finish.'}
        </p>
      ) : (
        <>
          <LabelWinner run={data} bestId={bestId} bestVersion={best?.promptVersion ?? data.bestVersion} />
          <CriteriaReport
            title={`Validation: ${startId} → ${result.bestId}`}
            report={result.validation}
            testId="criteria-validation"
            missing="No validation report."
          />
          <CriteriaReport
            title={`Holdout (never used for selection): ${startId} → ${result.bestId}`}
            report={result.holdout}
            testId="criteria-holdout"
            missing="No holdout report: the dataset has no holdout items, or the budget left none for it."
          />
        </>
      )}

      <h2 style={{ fontSize: 17 }}>Pareto front</h2>
      <ParetoChart candidates={items} front={result?.paretoFront ?? null} bestId={bestId} />

      <h2 style={{ fontSize: 17 }}>Rounds</h2>
      {candidates.data === null && candidates.loading ? <Loading what="candidates" /> : null}
      <RunRounds
        candidates={items}
        location={location}
        selectedId={selected?.id ?? null}
        bestId={bestId}
        front={new Set(result?.paretoFront ?? [])}
      />
      {selected !== undefined ? (
        <CandidateDetail candidate={selected} promptName={data.promptName} startId={startId} location={location} />
      ) : null}
    </Page>
  );
}
