// Every criterion's status on one item, with its rationale.
import type { ChecklistResult } from '@kaizen/core';
import { CriterionStatus } from './criterion-status';

export function CriterionVerdicts(props: { readonly result: ChecklistResult | null }) {
  if (props.result === null) return <span className="muted">–</span>;
  return (
    <ul className="verdicts">
      {props.result.results.map((entry) => (
        <li key={entry.criterionId}>
          <CriterionStatus entry={entry} showId />
        </li>
      ))}
    </ul>
  );
}
