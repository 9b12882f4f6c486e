// Validated candidates as points, validation score against prompt tokens: the Pareto front (no other candidate is
// at least as good with fewer tokens) highlighted, the best one as its own series.
import { Chart, type ChartPoint, type ChartSeries } from '../../components/chart';
import { score } from './optimization-format';
import type { OptimizationCandidateView } from './optimization-types';

export function ParetoChart(props: {
  readonly candidates: readonly OptimizationCandidateView[];
  /** Null while the run goes on: the loop computes the front at its end. */
  readonly front: readonly string[] | null;
  readonly bestId: string | null;
}) {
  const front = new Set(props.front ?? []);
  const point = (candidate: OptimizationCandidateView, highlight: boolean): ChartPoint => ({
    x: candidate.promptTokens,
    y: candidate.validation?.score ?? null,
    highlight,
    label: `${candidate.id}: ${score(candidate.validation?.score)} at ${candidate.promptTokens} tokens (${candidate.status})${
      front.has(candidate.id) ? ', on the front' : ''
    }${candidate.id === props.bestId ? ', best' : ''}`,
  });
  const validated = props.candidates.filter((candidate) => candidate.validation !== null);
  // Always three series, so each keeps its colour (blue, red, green) whether or not it has points.
  const series: ChartSeries[] = [
    {
      name: 'other validated candidates',
      points: validated
        .filter((candidate) => !front.has(candidate.id) && candidate.id !== props.bestId)
        .map((candidate) => point(candidate, false)),
    },
    {
      name: 'Pareto front',
      points: validated
        .filter((candidate) => front.has(candidate.id) && candidate.id !== props.bestId)
        .map((candidate) => point(candidate, true)),
    },
    {
      name: 'best',
      points: validated.filter((candidate) => candidate.id === props.bestId).map((candidate) => point(candidate, true)),
    },
  ];
  return (
    // The shared chart scales to its container's width: kept about its natural size so labels stay readable.
    <div data-testid="pareto-front" style={{ maxWidth: 760 }}>
      <Chart
        title="Pareto front: validation score vs prompt tokens"
        mode="points"
        series={series}
        yMin={0}
        yMax={1}
        xFormat={(x) => `${Math.round(x)} tokens`}
        yFormat={(y) => y.toFixed(2)}
        xLabel="Prompt tokens (fewer is cheaper); validation score (higher is better)."
        testId="pareto-chart"
      />
      {props.front === null ? (
        <p className="muted">The front is computed when the run ends; the points so far are shown.</p>
      ) : (
        <p className="muted" data-testid="pareto-front-ids">
          Front: {props.front.join(', ')}
        </p>
      )}
    </div>
  );
}
