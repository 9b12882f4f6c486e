// Placeholder until the page is built.
import { Page } from '../../components/status';

export function TracePage(props: { readonly traceId: string }) {
  return (
    <Page title="Trace">
      <p className="muted">This page is not built yet.</p>
    </Page>
  );
}
