// The window's totals above the charts, summed from the metrics buckets the charts draw.
import { usd } from '../../components/status';
import type { TraceMetricsSeries } from './dashboard-api-types';
import { compact } from './series-format';

export function DashboardTotals(props: { readonly series: readonly TraceMetricsSeries[] }) {
  let traces = 0;
  let errors = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  let cost: number | null = null;
  for (const one of props.series) {
    for (const point of one.points) {
      traces += point.traces;
      errors += point.errors;
      inputTokens += point.inputTokens;
      outputTokens += point.outputTokens;
      if (point.costUsd !== null) cost = (cost ?? 0) + point.costUsd;
    }
  }
  const stats = [
    ['Traces', compact(traces)],
    ['Errors', traces === 0 ? '0' : `${compact(errors)} (${((errors / traces) * 100).toFixed(1)}%)`],
    ['Tokens in / out', `${compact(inputTokens)} / ${compact(outputTokens)}`],
    ['Cost', usd(cost)],
  ] as const;
  return (
    <dl className="dashboard-stats" data-testid="dashboard-totals">
      {stats.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
