// Placeholder until the page is built.
import { Page } from '../../components/status';

export function DatasetPage(props: { readonly name: string }) {
  return (
    <Page title="Dataset">
      <p className="muted">This page is not built yet.</p>
    </Page>
  );
}
