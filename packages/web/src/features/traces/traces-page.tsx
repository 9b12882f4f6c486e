// Placeholder until the page is built.
import { Page } from '../../components/status';

export function TracesPage(_props: Record<string, never>) {
  return (
    <Page title="Traces">
      <p className="muted">This page is not built yet.</p>
    </Page>
  );
}
