// One evaluator's checklist on the trace: its newest score, each criterion's verdict and rationale, and the labels.
import { useApi } from '../../api/use-api';
import { Badge, dateTime, ErrorBox, fixed } from '../../components/status';
import { CriterionRow } from './criterion-row';
import type { EvaluatorVersionDetail, HumanLabel, TraceScore } from './trace-api-types';

/** A registered evaluator's version: the scored one, or the latest for labelling an unscored trace. */
function definitionPath(name: string, version: number | null): string {
  const base = `/api/evaluators/${encodeURIComponent(name)}`;
  return version === null ? base : `${base}/versions/${version}`;
}

export function EvaluatorCard(props: {
  readonly traceId: string;
  readonly name: string;
  readonly score: TraceScore | null;
  readonly earlier: number;
  readonly labels: readonly HumanLabel[];
  readonly onLabelSaved: (label: HumanLabel) => void;
}) {
  const { score } = props;
  const detail = useApi<EvaluatorVersionDetail | { latest: EvaluatorVersionDetail }>(
    definitionPath(props.name, score?.evaluatorVersion ?? null),
  );
  const definition = detail.data === null ? null : 'latest' in detail.data ? detail.data.latest : detail.data;
  const descriptions = new Map(definition?.definition.criteria.map((item) => [item.id, item.description]) ?? []);
  // Checklist order; then criteria only the result or a label knows (a newer version dropped them).
  const ids = [
    ...new Set([
      ...descriptions.keys(),
      ...(score?.results.map((result) => result.criterionId) ?? []),
      ...props.labels.map((label) => label.criterionId),
    ]),
  ];
  return (
    <section className="card evaluator-card" data-testid="evaluator-card" data-evaluator={props.name}>
      <header className="evaluator-header">
        <h3>{props.name}</h3>
        {score === null ? (
          <span className="muted">not scored on this trace: labels only</span>
        ) : (
          <>
            <span className="muted">v{score.evaluatorVersion}</span>
            <Badge tone={score.passed ? 'good' : 'bad'}>{score.label}</Badge>
            <span>score {fixed(score.score, 2)}</span>
            <span className="muted">
              {score.source} · {dateTime(score.evaluatedAt)}
              {props.earlier > 0 ? ` · ${props.earlier} earlier evaluation${props.earlier === 1 ? '' : 's'}` : ''}
            </span>
          </>
        )}
      </header>
      <ErrorBox error={detail.error} />
      <table className="table criteria">
        <thead>
          <tr>
            <th>Criterion</th>
            <th>Result</th>
            <th>Rationale</th>
            <th>Human label</th>
          </tr>
        </thead>
        <tbody>
          {ids.map((id) => (
            <CriterionRow
              key={id}
              traceId={props.traceId}
              evaluator={props.name}
              criterionId={id}
              description={descriptions.get(id)}
              result={score?.results.find((result) => result.criterionId === id)}
              label={props.labels.find((label) => label.criterionId === id)}
              onLabelSaved={props.onLabelSaved}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}
