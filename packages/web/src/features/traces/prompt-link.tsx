// A link to a prompt's page, labelled name@version; the name is a path segment, never a URL of its own.
import { Link } from '../../app/router';

export function PromptLink(props: { readonly name: string | null; readonly version: string | null }) {
  if (props.name === null) return <span className="muted">–</span>;
  const version = props.version === null ? '' : `?version=${encodeURIComponent(props.version)}`;
  return (
    <Link to={`/prompts/${encodeURIComponent(props.name)}${version}`} className="prompt-link">
      {props.name}
      {props.version === null ? '' : `@${props.version}`}
    </Link>
  );
}
