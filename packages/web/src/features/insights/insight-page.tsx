// Placeholder until the page is built.
import { Page } from '../../components/status';

export function InsightPage(props: { readonly id: string }) {
  return (
    <Page title="Insight">
      <p className="muted">This page is not built yet.</p>
    </Page>
  );
}
