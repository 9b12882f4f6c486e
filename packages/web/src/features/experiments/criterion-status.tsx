// One criterion's status on one item as a badge, with the rationale (or why it errored or was skipped) as text.
import { Badge } from '../../components/status';
import type { CriterionResult } from './experiment-types';

const TONES = { passed: 'good', failed: 'bad', errored: 'warn', skipped: 'neutral' } as const;

export function CriterionStatus(props: { readonly entry: CriterionResult | undefined; readonly showId?: boolean }) {
  if (props.entry === undefined) return <span className="muted">–</span>;
  const why = props.entry.rationale ?? props.entry.reason;
  return (
    <span>
      <Badge tone={TONES[props.entry.status]}>
        {props.showId === true ? `${props.entry.criterionId}: ` : ''}
        {props.entry.status}
      </Badge>
      {why === undefined || why === null ? null : <span className="muted"> {why}</span>}
    </span>
  );
}
