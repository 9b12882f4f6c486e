// One root cause in full: its figures, the model-written hypothesis if any, drivers, trends and evidence.
import type { FailureMode, NarrativeOutcome, RootCause } from '@kaizen/core';
import { percent } from '../../components/status';
import { CauseEvidence } from './cause-evidence';
import { CauseNarrative } from './cause-narrative';
import { CauseTrendCharts } from './cause-trend-charts';
import { DriversTable } from './drivers-table';

export function CauseSection(props: {
  readonly cause: RootCause;
  readonly rank: number;
  readonly failureModes: readonly FailureMode[];
  readonly narrative: NarrativeOutcome | undefined;
  readonly experimentId: string | undefined;
}) {
  const { cause, rank } = props;
  const modes = cause.criteria.flatMap((id) => props.failureModes.filter((mode) => mode.criterionId === id));
  return (
    <section className="card cause" id={`cause-${rank}`} data-testid={`cause-${rank}`}>
      <h3>
        #{rank} {cause.criteria.join(' + ')}
      </h3>
      <p>
        Fails {percent(cause.failureRate)} of the time and accounts for {percent(cause.lostScoreShare)} of the lost
        score.
        {modes.length > 1
          ? ` Criteria: ${modes.map((mode) => `${mode.criterionId} fails ${mode.failures} of ${mode.total}`).join('; ')}.`
          : ''}
      </p>
      <CauseNarrative narrative={props.narrative} experimentId={props.experimentId} rank={rank} />
      <h4>Drivers</h4>
      <DriversTable drivers={cause.drivers} testId={`cause-${rank}-drivers`} />
      <h4>Trend</h4>
      <CauseTrendCharts trend={cause.trend} rank={rank} />
      <h4>Evidence</h4>
      <CauseEvidence
        failing={cause.evidence.failing}
        passing={cause.evidence.passingContrast}
        experimentId={props.experimentId}
        rank={rank}
      />
    </section>
  );
}
