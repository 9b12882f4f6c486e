// What a run is pinned to: prompt, dataset and evaluator versions, the models, and the limits and settings it was
// started with.
import { Link } from '../../app/router';
import type { OptimizationRun } from './optimization-types';

function pairs(value: object): string {
  const entries = Object.entries(value);
  return entries.length === 0 ? 'defaults' : entries.map(([key, field]) => `${key} ${String(field)}`).join(', ');
}

export function RunMeta(props: { readonly run: OptimizationRun }) {
  const { run } = props;
  return (
    <p data-testid="run-meta">
      Prompt <Link to={`/prompts/${encodeURIComponent(run.promptName)}`}>{run.promptName}</Link> v{run.startVersion}
      {run.bestVersion !== null ? ` → best v${run.bestVersion}` : ''} · dataset{' '}
      <Link to={`/datasets/${encodeURIComponent(run.datasetName)}`}>{run.datasetName}</Link> v{run.datasetVersion} ·
      evaluator {run.evaluatorName} v{run.evaluatorVersion} · model <code>{run.model}</code> · optimizer{' '}
      {run.optimizerModel === null ? 'none (deterministic operators)' : <code>{run.optimizerModel}</code>}
      <br />
      <span className="muted">
        Budget: {pairs(run.budget)} · settings: {pairs(run.settings)}
      </span>
    </p>
  );
}
