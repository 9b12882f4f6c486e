// Placeholder until the page is built.
import { Page } from '../../components/status';

export function ComparePage(_props: Record<string, never>) {
  return (
    <Page title="Compare experiments">
      <p className="muted">This page is not built yet.</p>
    </Page>
  );
}
