// What an experiment ran and what it measured: prompt, dataset, model, checklist, then pass rate, cost and latency.
import { Link } from '../../app/router';
import { dateTime, fixed, percent, usd } from '../../components/status';
import type { Experiment } from './experiment-types';
import { ModelName } from './model-name';
import { StatusBadge } from './status-badge';

export function ExperimentFacts(props: { readonly experiment: Experiment }) {
  const run = props.experiment;
  const summary = run.summary;
  return (
    <div className="grid-2">
      <section className="card" data-testid="experiment-facts">
        <h2>Run</h2>
        <dl className="run-facts">
          <dt>Prompt</dt>
          <dd>
            <Link to={`/prompts/${encodeURIComponent(run.promptName)}?version=${run.promptVersion}`}>
              {run.promptName}@v{run.promptVersion}
            </Link>
          </dd>
          <dt>Dataset</dt>
          <dd>
            <Link to={`/datasets/${encodeURIComponent(run.datasetName)}?version=${run.datasetVersion}`}>
              {run.datasetName} v{run.datasetVersion}
            </Link>{' '}
            · {run.datasetSplit ?? 'all splits'}
          </dd>
          <dt>Model</dt>
          <dd>
            <ModelName experiment={run} />
          </dd>
          <dt>Evaluator</dt>
          <dd>
            {run.evaluator} <span className="muted">(pass at score ≥ {run.passThreshold})</span>
          </dd>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={run.status} /> {run.error === null ? null : <span className="error">{run.error}</span>}
          </dd>
          <dt>Started</dt>
          <dd>{dateTime(run.createdAt)}</dd>
          <dt>Finished</dt>
          <dd>{dateTime(run.finishedAt)}</dd>
          <dt>Id</dt>
          <dd>
            <code>{run.id}</code>
          </dd>
        </dl>
      </section>
      <section className="card" data-testid="experiment-summary">
        <h2>Summary</h2>
        {summary === null ? (
          <p className="muted">The summary is computed when the run finishes.</p>
        ) : (
          <dl className="run-facts">
            <dt>Pass rate</dt>
            <dd data-testid="summary-pass-rate">
              <strong>{percent(summary.passRate)}</strong>{' '}
              <span className="muted">
                ({summary.passed} of {summary.items - summary.errors - summary.evaluationErrors} with a verdict)
              </span>
            </dd>
            <dt>Mean score</dt>
            <dd>{fixed(summary.meanScore, 3)}</dd>
            <dt>Items</dt>
            <dd>
              {summary.items}{' '}
              <span className="muted">
                ({summary.errors} call errors, {summary.evaluationErrors} evaluation errors, {summary.cachedItems} from
                cache)
              </span>
            </dd>
            <dt>Tokens</dt>
            <dd>
              {summary.inputTokens.toLocaleString('en-US')} in · {summary.outputTokens.toLocaleString('en-US')} out
            </dd>
            <dt>Cost</dt>
            <dd>{usd(summary.costUsd)}</dd>
            <dt>Latency</dt>
            <dd>
              mean {fixed(summary.meanLatencyMs, 0)} ms · p95 {fixed(summary.p95LatencyMs, 0)} ms
            </dd>
          </dl>
        )}
      </section>
    </div>
  );
}
