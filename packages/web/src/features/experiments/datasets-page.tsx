// Placeholder until the page is built.
import { Page } from '../../components/status';

export function DatasetsPage(_props: Record<string, never>) {
  return (
    <Page title="Datasets">
      <p className="muted">This page is not built yet.</p>
    </Page>
  );
}
