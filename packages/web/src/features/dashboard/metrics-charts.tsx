// Traffic charts from the metrics time series: traces and errors, tokens in and out, cost, latency avg and p95.
import { Chart, type ChartMarker, type ChartSeries } from '../../components/chart';
import { usd } from '../../components/status';
import type { MetricsPoint, MetricsSeries } from './dashboard-api-types';
import type { Bucket, GroupBy } from './dashboard-controls';
import { bucketFormat, compact, groupLabel, milliseconds } from './series-format';

interface MetricChart {
  readonly title: string;
  readonly testId: string;
  readonly value: (point: MetricsPoint) => number | null;
  readonly yFormat: (y: number) => string;
}

const METRIC_CHARTS: readonly MetricChart[] = [
  { title: 'Traces', testId: 'chart-traces', value: (point) => point.traces, yFormat: compact },
  { title: 'Errors', testId: 'chart-errors', value: (point) => point.errors, yFormat: compact },
  { title: 'Input tokens', testId: 'chart-input-tokens', value: (point) => point.inputTokens, yFormat: compact },
  { title: 'Output tokens', testId: 'chart-output-tokens', value: (point) => point.outputTokens, yFormat: compact },
  { title: 'Cost (USD)', testId: 'chart-cost', value: (point) => point.costUsd, yFormat: usd },
  { title: 'Latency, mean', testId: 'chart-latency-avg', value: (point) => point.latencyAvgMs, yFormat: milliseconds },
  { title: 'Latency, p95', testId: 'chart-latency-p95', value: (point) => point.latencyP95Ms, yFormat: milliseconds },
];

function chartSeries(series: readonly MetricsSeries[], groupBy: GroupBy, chart: MetricChart): ChartSeries[] {
  return series.map((one) => ({
    name: groupLabel(groupBy, one.group),
    points: one.points.map((point) => ({ x: Date.parse(point.start), y: chart.value(point) })),
  }));
}

export function MetricsCharts(props: {
  readonly series: readonly MetricsSeries[];
  readonly groupBy: GroupBy;
  readonly bucket: Bucket;
  readonly markers: readonly ChartMarker[];
}) {
  const xFormat = bucketFormat(props.bucket);
  return (
    <>
      {METRIC_CHARTS.map((chart) => (
        <Chart
          key={chart.testId}
          title={chart.title}
          testId={chart.testId}
          series={chartSeries(props.series, props.groupBy, chart)}
          markers={props.markers}
          xFormat={xFormat}
          yFormat={chart.yFormat}
          yMin={0}
        />
      ))}
    </>
  );
}
