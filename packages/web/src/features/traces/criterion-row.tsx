// One criterion of a checklist result: the judge's or check's verdict with its rationale, and the human label.
import type { CriterionResult } from '@kaizen/core';
import { Badge, dateTime } from '../../components/status';
import { CriterionLabelForm } from './criterion-label-form';
import type { HumanLabel } from './trace-api-types';

const TONES = { passed: 'good', failed: 'bad', errored: 'warn', skipped: 'neutral' } as const;

export function CriterionRow(props: {
  readonly traceId: string;
  readonly evaluator: string;
  readonly criterionId: string;
  readonly description: string | undefined;
  readonly result: CriterionResult | undefined;
  readonly label: HumanLabel | undefined;
  readonly onLabelSaved: (label: HumanLabel) => void;
}) {
  const { result, label } = props;
  const why = result === undefined ? null : (result.rationale ?? result.reason ?? null);
  return (
    <tr data-testid="criterion-row" data-criterion={props.criterionId}>
      <td>
        <code>{props.criterionId}</code>
        {props.description !== undefined && props.description !== '' ? (
          <div className="muted">{props.description}</div>
        ) : null}
      </td>
      <td>
        {result === undefined ? (
          <span className="muted">not scored</span>
        ) : (
          <Badge tone={TONES[result.status]}>{result.status}</Badge>
        )}
      </td>
      <td className="rationale" data-testid="criterion-rationale">
        {why ?? <span className="muted">–</span>}
      </td>
      <td>
        {label !== undefined ? (
          <p className="human-label" data-testid="human-label">
            <Badge tone={label.passed ? 'good' : 'bad'}>{label.passed ? 'pass' : 'fail'}</Badge>{' '}
            <span className="muted">
              {label.author ?? 'labelled'} · {dateTime(label.updatedAt)}
            </span>
            {label.note !== null ? <span className="label-note"> {label.note}</span> : null}
          </p>
        ) : null}
        <CriterionLabelForm
          key={label?.updatedAt ?? 'none'}
          traceId={props.traceId}
          evaluator={props.evaluator}
          criterionId={props.criterionId}
          label={label}
          onSaved={props.onLabelSaved}
        />
      </td>
    </tr>
  );
}
