// Why a candidate was or was not accepted: the decision's sentence, wins and losses against the best so far, the
// sign test's p-value, and the criteria whose fall blocked it.
import type { AcceptanceDecision } from '@kaizen/core';
import { Badge, percent } from '../../components/status';
import { pValue } from './optimization-format';

export function CandidateAcceptance(props: { readonly acceptance: AcceptanceDecision | null }) {
  const decision = props.acceptance;
  if (decision === null) return <span className="muted">–</span>;
  return (
    <div>
      <div>
        {decision.accepted ? (
          <Badge tone="good">accepted{decision.kind === null ? '' : ` (${decision.kind})`}</Badge>
        ) : (
          <Badge tone="bad">not accepted</Badge>
        )}{' '}
        <span className="muted">
          {decision.wins} wins / {decision.losses} losses · {pValue(decision.pValue)}
        </span>
      </div>
      <div>{decision.reason}</div>
      {decision.regressions.length > 0 ? (
        <ul style={{ margin: '4px 0 0', paddingLeft: 16 }} data-testid="candidate-regressions">
          {decision.regressions.map((regression) => (
            <li key={regression.criterionId}>
              <Badge tone="bad">regression</Badge> {regression.criterionId} {percent(regression.before)} →{' '}
              {percent(regression.after)} (broke {regression.broke}, fixed {regression.fixed},{' '}
              {pValue(regression.pValue)})
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
