// Placeholder until the page is built.
import { Page } from '../../components/status';

export function ExperimentPage(props: { readonly id: string }) {
  return (
    <Page title="Experiment">
      <p className="muted">This page is not built yet.</p>
    </Page>
  );
}
