// Traffic charts from the metrics time series: traces and errors, tokens in and out, cost, latency avg and p95.
import { Chart, type ChartMarker, type ChartPoint, type ChartSeries } from '../../components/chart';
import { usd } from '../../components/status';
import type { TraceMetricsPoint, TraceMetricsSeries } from './dashboard-api-types';
import type { Bucket, GroupBy } from './dashboard-controls';
import { bucketFormat, bucketStarts, compact, groupLabel, milliseconds, padBuckets } from './series-format';

interface MetricChart {
  readonly title: string;
  readonly testId: string;
  readonly value: (point: TraceMetricsPoint) => number | null;
  readonly yFormat: (y: number) => string;
  /** Counts and sums are 0 in a bucket without traces; means and percentiles have no value there. */
  readonly zeroWhenEmpty: boolean;
}

const METRIC_CHARTS: readonly MetricChart[] = [
  { title: 'Traces', testId: 'chart-traces', value: (point) => point.traces, yFormat: compact, zeroWhenEmpty: true },
  { title: 'Errors', testId: 'chart-errors', value: (point) => point.errors, yFormat: compact, zeroWhenEmpty: true },
  {
    title: 'Input tokens',
    testId: 'chart-input-tokens',
    value: (point) => point.inputTokens,
    yFormat: compact,
    zeroWhenEmpty: true,
  },
  {
    title: 'Output tokens',
    testId: 'chart-output-tokens',
    value: (point) => point.outputTokens,
    yFormat: compact,
    zeroWhenEmpty: true,
  },
  {
    title: 'Cost (USD)',
    testId: 'chart-cost',
    value: (point) => point.costUsd,
    yFormat: (y) => (y === 0 ? '$0' : usd(y)),
    zeroWhenEmpty: false,
  },
  {
    title: 'Latency, mean',
    testId: 'chart-latency-avg',
    value: (point) => point.latencyAvgMs,
    yFormat: milliseconds,
    zeroWhenEmpty: false,
  },
  {
    title: 'Latency, p95',
    testId: 'chart-latency-p95',
    value: (point) => point.latencyP95Ms,
    yFormat: milliseconds,
    zeroWhenEmpty: false,
  },
];

/** Every bucket of the window, so all charts share one x axis: empty ones 0 for counts, no value otherwise. */
function points(one: TraceMetricsSeries, chart: MetricChart, starts: readonly number[]): ChartPoint[] {
  const measured = one.points.map((point) => ({ x: Date.parse(point.start), y: chart.value(point) }));
  return padBuckets(measured, starts, chart.zeroWhenEmpty ? 0 : null);
}

export function MetricsCharts(props: {
  readonly series: readonly TraceMetricsSeries[];
  readonly groupBy: GroupBy;
  readonly bucket: Bucket;
  readonly from: string;
  readonly to: string;
  readonly markers: readonly ChartMarker[];
}) {
  const xFormat = bucketFormat(props.bucket);
  const starts = bucketStarts(props.from, props.to, props.bucket);
  const chartSeries = (chart: MetricChart): ChartSeries[] =>
    props.series.map((one) => ({ name: groupLabel(props.groupBy, one), points: points(one, chart, starts) }));
  return (
    <>
      {METRIC_CHARTS.map((chart) => (
        <Chart
          key={chart.testId}
          title={chart.title}
          testId={chart.testId}
          series={chartSeries(chart)}
          markers={props.markers}
          xFormat={xFormat}
          yFormat={chart.yFormat}
          yMin={0}
        />
      ))}
    </>
  );
}
