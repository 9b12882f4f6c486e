// Placeholder until the page is built.
import { Page } from '../../components/status';

export function InsightsPage(_props: Record<string, never>) {
  return (
    <Page title="Insights">
      <p className="muted">This page is not built yet.</p>
    </Page>
  );
}
