// Quality charts from the score time series: mean score and pass rate, one line per group of the metrics series.
import { Chart, type ChartMarker, type ChartSeries } from '../../components/chart';
import { fixed, percent } from '../../components/status';
import type { ScoreTimeseries } from './dashboard-api-types';
import type { Bucket } from './dashboard-controls';
import { bucketFormat, padBuckets } from './series-format';

export interface NamedScoreSeries {
  readonly name: string;
  readonly series: ScoreTimeseries;
}

function chartSeries(
  groups: readonly NamedScoreSeries[],
  value: (point: ScoreTimeseries['points'][number]) => number | null,
  format: (y: number | null) => string,
  starts: readonly number[],
): ChartSeries[] {
  return groups.map((group) => ({
    name: group.name,
    points: padBuckets(
      group.series.points.map((point) => ({
        x: Date.parse(point.bucketStart),
        y: value(point),
        label: `${group.name} at ${point.bucketStart.slice(0, 16).replace('T', ' ')}: ${format(value(point))} (${point.count} scored)`,
      })),
      starts,
      null,
    ),
  }));
}

export function ScoreCharts(props: {
  readonly evaluator: string;
  readonly groups: readonly NamedScoreSeries[];
  readonly bucket: Bucket;
  /** Every bucket start of the window (the x axis all dashboard charts share). */
  readonly starts: readonly number[];
  readonly markers: readonly ChartMarker[];
}) {
  const xFormat = bucketFormat(props.bucket);
  const { starts } = props;
  return (
    <>
      <Chart
        title={`Score (${props.evaluator}, mean)`}
        testId="chart-score"
        series={chartSeries(
          props.groups,
          (point) => point.meanScore,
          (y) => fixed(y, 2),
          starts,
        )}
        markers={props.markers}
        xFormat={xFormat}
        yFormat={(y) => fixed(y, 2)}
        yMin={0}
        yMax={1}
      />
      <Chart
        title={`Pass rate (${props.evaluator})`}
        testId="chart-pass-rate"
        series={chartSeries(
          props.groups,
          (point) => point.passRate,
          (y) => percent(y),
          starts,
        )}
        markers={props.markers}
        xFormat={xFormat}
        yFormat={(y) => percent(y, 0)}
        yMin={0}
        yMax={1}
      />
    </>
  );
}
