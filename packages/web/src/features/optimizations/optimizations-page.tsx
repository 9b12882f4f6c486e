// Placeholder until the page is built.
import { Page } from '../../components/status';

export function OptimizationsPage(_props: Record<string, never>) {
  return (
    <Page title="Optimization runs">
      <p className="muted">This page is not built yet.</p>
    </Page>
  );
}
