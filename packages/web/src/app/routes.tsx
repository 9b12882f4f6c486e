// Which page a path shows. Pages read their own filters from the query string (`useLocation().query`).
import type { ReactNode } from 'react';
import { Page } from '../components/status';
import { DashboardPage } from '../features/dashboard/dashboard-page';
import { ComparePage } from '../features/experiments/compare-page';
import { DatasetPage } from '../features/experiments/dataset-page';
import { DatasetsPage } from '../features/experiments/datasets-page';
import { ExperimentPage } from '../features/experiments/experiment-page';
import { ExperimentsPage } from '../features/experiments/experiments-page';
import { InsightPage } from '../features/insights/insight-page';
import { InsightsPage } from '../features/insights/insights-page';
import { OptimizationPage } from '../features/optimizations/optimization-page';
import { OptimizationsPage } from '../features/optimizations/optimizations-page';
import { PromptPage } from '../features/prompts/prompt-page';
import { PromptsPage } from '../features/prompts/prompts-page';
import { TracePage } from '../features/traces/trace-page';
import { TracesPage } from '../features/traces/traces-page';
import { type Location, matchPath, navigate } from './router';

type Route = readonly [pattern: string, render: (params: Record<string, string>) => ReactNode];

const ROUTES: readonly Route[] = [
  ['/traces', () => <TracesPage />],
  ['/traces/:traceId', (params) => <TracePage traceId={params.traceId ?? ''} />],
  ['/dashboard', () => <DashboardPage />],
  ['/prompts', () => <PromptsPage />],
  ['/prompts/:name', (params) => <PromptPage name={params.name ?? ''} />],
  ['/datasets', () => <DatasetsPage />],
  ['/datasets/:name', (params) => <DatasetPage name={params.name ?? ''} />],
  ['/experiments', () => <ExperimentsPage />],
  ['/experiments/compare', () => <ComparePage />],
  ['/experiments/:id', (params) => <ExperimentPage id={params.id ?? ''} />],
  ['/insights', () => <InsightsPage />],
  ['/insights/:id', (params) => <InsightPage id={params.id ?? ''} />],
  ['/optimizations', () => <OptimizationsPage />],
  ['/optimizations/:id', (params) => <OptimizationPage id={params.id ?? ''} />],
];

export function resolveRoute(location: Location): ReactNode {
  if (location.path === '/' || location.path === '') {
    queueMicrotask(() => navigate('/traces', { replace: true }));
    return null;
  }
  for (const [pattern, render] of ROUTES) {
    const params = matchPath(pattern, location.path);
    if (params !== null) return render(params);
  }
  return (
    <Page title="Not found">
      <p className="muted">No page at {location.path}.</p>
    </Page>
  );
}
