// The dashboard: quality and traffic over time per prompt version, environment or model, with release markers.
// Every number comes from an aggregated endpoint (metrics and score time series): no trace is ever listed here.
import { useMemo, useState } from 'react';
import { query } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useLocation } from '../../app/router';
import { ErrorBox, Loading, Page } from '../../components/status';
import type { EvaluatorSummary, PromptSummary, TraceMetrics } from './dashboard-api-types';
import { readControls, timeWindow } from './dashboard-controls';
import { DashboardFilters } from './dashboard-filters';
import { DashboardTotals } from './dashboard-totals';
import { MetricsCharts } from './metrics-charts';
import { ScoreSection } from './score-section';
import { MAX_GROUPS } from './series-format';
import { useReleaseMarkers } from './use-release-markers';
import './dashboard.css';

export function DashboardPage(_props: Record<string, never>) {
  const location = useLocation();
  const controls = readControls(location.query);
  const [now, setNow] = useState(() => Date.now());
  const period = useMemo(() => timeWindow(controls.range, now), [controls.range, now]);

  const evaluators = useApi<{ items: EvaluatorSummary[] }>('/api/evaluators');
  const prompts = useApi<{ items: PromptSummary[] }>('/api/prompts');
  const filters = { environment: controls.environment, promptName: controls.promptName };
  const metrics = useApi<TraceMetrics>(
    `/api/metrics/timeseries${query({ ...period, bucket: controls.bucket, groupBy: controls.groupBy, ...filters })}`,
  );
  // The environments seen in the range, for the filter: one more aggregate, by day, unfiltered.
  const environments = useApi<TraceMetrics>(
    `/api/metrics/timeseries${query({ ...period, bucket: 'day', groupBy: 'environment' })}`,
  );
  const markers = useReleaseMarkers(prompts.data?.items ?? null, controls.promptName, period);

  const evaluator = controls.evaluator ?? evaluators.data?.items[0]?.name ?? null;
  // The busiest groups are drawn (the server sends them busiest first); the score charts follow the same groups.
  const series = metrics.data?.series ?? [];
  const shown = series.slice(0, MAX_GROUPS);

  return (
    <Page title="Dashboard">
      <div className="dashboard">
        <DashboardFilters
          controls={controls}
          evaluator={evaluator}
          evaluators={evaluators.data?.items.map((item) => item.name) ?? []}
          environments={(environments.data?.series ?? []).flatMap((one) => (one.group === null ? [] : [one.group]))}
          prompts={prompts.data?.items.map((item) => item.name) ?? []}
          onRefresh={() => setNow(Date.now())}
        />
        <p className="muted" data-testid="dashboard-window">
          {period.from.slice(0, 16).replace('T', ' ')} → {period.to.slice(0, 16).replace('T', ' ')} UTC, by{' '}
          {controls.bucket}
          {markers.markers.length > 0
            ? ` · ${markers.markers.length} release${markers.markers.length === 1 ? '' : 's'} (dashed lines)`
            : ''}
          {series.length > shown.length ? ` · the ${shown.length} busiest of ${series.length} groups drawn` : ''}
        </p>
        {markers.markers.length > 0 ? (
          <ul className="dashboard-releases" data-testid="dashboard-releases">
            {markers.markers.map((marker) => (
              <li key={`${marker.x}-${marker.label}`}>
                {new Date(marker.x).toISOString().slice(5, 16).replace('T', ' ')} · {marker.label}
              </li>
            ))}
          </ul>
        ) : null}
        <ErrorBox error={markers.error} />
        {markers.skipped > 0 ? (
          <p className="muted">
            Release markers of {markers.skipped} more prompts are not drawn: pick a prompt to see its releases.
          </p>
        ) : null}
        <ErrorBox error={metrics.error} />
        {metrics.data === null && metrics.loading ? <Loading what="metrics" /> : null}
        {metrics.data !== null ? <DashboardTotals series={metrics.data.series} /> : null}
        <h2>Quality</h2>
        <ScoreSection
          evaluator={evaluator}
          evaluatorsLoaded={evaluators.data !== null}
          controls={controls}
          period={period}
          series={metrics.data === null ? null : shown}
          markers={markers.markers}
        />
        <h2>Traffic</h2>
        {metrics.data !== null ? (
          <div className="grid-2">
            <MetricsCharts
              series={shown}
              groupBy={metrics.data.groupBy}
              bucket={metrics.data.bucket}
              from={metrics.data.from}
              to={metrics.data.to}
              markers={markers.markers}
            />
          </div>
        ) : null}
      </div>
    </Page>
  );
}
