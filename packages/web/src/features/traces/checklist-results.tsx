// The trace's checklist results, newest per evaluator, with a label control per criterion; evaluators that have not
// scored it can be picked to label it anyway (the labels a judge's agreement is measured against).
import { useState } from 'react';
import { useApi } from '../../api/use-api';
import { ErrorBox, Loading } from '../../components/status';
import { EvaluatorCard } from './evaluator-card';
import type { HumanLabel, Items, TraceScore } from './trace-api-types';

interface EvaluatorSummary {
  readonly name: string;
}

export function ChecklistResults(props: { readonly traceId: string }) {
  const scores = useApi<Items<TraceScore>>(`/api/traces/${props.traceId}/scores`);
  const labels = useApi<Items<HumanLabel>>(`/api/traces/${props.traceId}/labels`);
  const evaluators = useApi<Items<EvaluatorSummary>>('/api/evaluators');
  const [picked, setPicked] = useState<string[]>([]);
  if (scores.data === null || labels.data === null) {
    return (
      <>
        <ErrorBox error={scores.error ?? labels.error} />
        {scores.loading || labels.loading ? <Loading what="checklist results" /> : null}
      </>
    );
  }

  // Scores come newest first: the first of each evaluator is the one shown.
  const newest = new Map<string, { score: TraceScore; earlier: number }>();
  for (const score of scores.data.items) {
    const seen = newest.get(score.evaluatorName);
    if (seen === undefined) newest.set(score.evaluatorName, { score, earlier: 0 });
    else newest.set(score.evaluatorName, { ...seen, earlier: seen.earlier + 1 });
  }
  const labelled = labels.data.items.map((label) => label.evaluatorName);
  const unscored = [...new Set([...labelled, ...picked])].filter((name) => !newest.has(name));
  const pickable = (evaluators.data?.items ?? [])
    .map((item) => item.name)
    .filter((name) => !newest.has(name) && !unscored.includes(name));
  const labelsOf = (name: string) => labels.data?.items.filter((label) => label.evaluatorName === name) ?? [];

  return (
    <section className="checklist-results" data-testid="checklist-results">
      <h2>Checklist results</h2>
      {newest.size === 0 ? <p className="muted">No evaluator has scored this trace.</p> : null}
      {[...newest].map(([name, { score, earlier }]) => (
        <EvaluatorCard
          key={name}
          traceId={props.traceId}
          name={name}
          score={score}
          earlier={earlier}
          labels={labelsOf(name)}
          onLabelSaved={labels.reload}
        />
      ))}
      {unscored.map((name) => (
        <EvaluatorCard
          key={name}
          traceId={props.traceId}
          name={name}
          score={null}
          earlier={0}
          labels={labelsOf(name)}
          onLabelSaved={labels.reload}
        />
      ))}
      {pickable.length > 0 ? (
        <label className="evaluator-picker">
          Label with another evaluator{' '}
          <select value="" onChange={(event) => setPicked([...picked, event.target.value])}>
            <option value="" disabled>
              choose…
            </option>
            {pickable.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </section>
  );
}
