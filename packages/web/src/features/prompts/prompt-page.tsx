// Placeholder until the page is built.
import { Page } from '../../components/status';

export function PromptPage(props: { readonly name: string }) {
  return (
    <Page title="Prompt">
      <p className="muted">This page is not built yet.</p>
    </Page>
  );
}
