// The score and pass-rate charts: one score time series request per drawn group (the score API has no group-by).
import { query } from '../../api/client';
import type { ChartMarker } from '../../components/chart';
import { ErrorBox, Loading } from '../../components/status';
import type { ScoreTimeseries, TraceMetricsSeries } from './dashboard-api-types';
import type { DashboardControls, TimeWindow } from './dashboard-controls';
import { ScoreCharts } from './score-charts';
import { bucketStarts, groupFilter, groupLabel } from './series-format';
import { useApiMany } from './use-api-many';

interface ScoreRequest {
  readonly name: string;
  readonly path: string;
}

function scoreRequests(
  evaluator: string,
  controls: DashboardControls,
  period: TimeWindow,
  series: readonly TraceMetricsSeries[],
): ScoreRequest[] {
  const base = {
    evaluator,
    ...period,
    bucket: controls.bucket,
    environment: controls.environment,
    promptName: controls.promptName,
  };
  if (controls.groupBy === 'none') return [{ name: 'all traces', path: path(base) }];
  return series.flatMap((one) => {
    const filter = groupFilter(controls.groupBy, one);
    return filter === null ? [] : [{ name: groupLabel(controls.groupBy, one), path: path({ ...base, ...filter }) }];
  });
}

function path(params: Readonly<Record<string, string | null>>): string {
  return `/api/scores/timeseries${query(params)}`;
}

export function ScoreSection(props: {
  readonly evaluator: string | null;
  readonly evaluatorsLoaded: boolean;
  readonly controls: DashboardControls;
  readonly period: TimeWindow;
  /** The drawn metrics series, busiest first; null while they load. */
  readonly series: readonly TraceMetricsSeries[] | null;
  readonly markers: readonly ChartMarker[];
}) {
  const requests =
    props.evaluator === null || (props.series === null && props.controls.groupBy !== 'none')
      ? null
      : scoreRequests(props.evaluator, props.controls, props.period, props.series ?? []);
  const scores = useApiMany<ScoreTimeseries>(requests?.map((request) => request.path) ?? null);

  if (props.evaluator === null) {
    return props.evaluatorsLoaded ? (
      <p className="muted" data-testid="no-evaluator">
        No evaluator yet: score and pass rate appear once traces are scored.
      </p>
    ) : (
      <Loading what="evaluators" />
    );
  }
  if (scores.error !== null) return <ErrorBox error={scores.error} />;
  if (requests === null || scores.data === null) return <Loading what="scores" />;
  const groups = requests.map((request, index) => ({
    name: request.name,
    series: scores.data?.[index] ?? { evaluatorName: props.evaluator ?? '', bucket: props.controls.bucket, points: [] },
  }));
  return (
    <div className="grid-2">
      <ScoreCharts
        evaluator={props.evaluator}
        groups={groups}
        bucket={props.controls.bucket}
        starts={bucketStarts(props.period.from, props.period.to, props.controls.bucket)}
        markers={props.markers}
      />
    </div>
  );
}
