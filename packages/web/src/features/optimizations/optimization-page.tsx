// Placeholder until the page is built.
import { Page } from '../../components/status';

export function OptimizationPage(props: { readonly id: string }) {
  return (
    <Page title="Optimization run">
      <p className="muted">This page is not built yet.</p>
    </Page>
  );
}
