// Placeholder until the page is built.
import { Page } from '../../components/status';

export function ExperimentsPage(_props: Record<string, never>) {
  return (
    <Page title="Experiments">
      <p className="muted">This page is not built yet.</p>
    </Page>
  );
}
