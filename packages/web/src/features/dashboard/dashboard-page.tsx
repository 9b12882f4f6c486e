// Placeholder until the page is built.
import { Page } from '../../components/status';

export function DashboardPage(_props: Record<string, never>) {
  return (
    <Page title="Dashboard">
      <p className="muted">This page is not built yet.</p>
    </Page>
  );
}
