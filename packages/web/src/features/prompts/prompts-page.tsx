// Placeholder until the page is built.
import { Page } from '../../components/status';

export function PromptsPage(_props: Record<string, never>) {
  return (
    <Page title="Prompts">
      <p className="muted">This page is not built yet.</p>
    </Page>
  );
}
