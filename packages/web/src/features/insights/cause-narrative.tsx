// A model-written hypothesis for a cause, labelled as such; cited trace ids become links, the rest stays text.
import type { NarrativeOutcome } from '@kaizen/core';
import { Link } from '../../app/router';
import { evidenceHref } from './cause-evidence';

const CITED_ID = /\[([0-9a-fA-F]{32}|[0-9a-f-]{36})\]/g;

/** The text split around its bracketed citations, each citation a link. */
function withCitations(text: string, experimentId: string | undefined) {
  const parts: (string | { id: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(CITED_ID)) {
    const id = match[1] ?? '';
    parts.push(text.slice(last, match.index));
    parts.push({ id });
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts.map((part, index) =>
    typeof part === 'string' ? (
      part
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: parts of one text, never reordered
      <Link key={index} to={evidenceHref(part.id, experimentId)}>
        [{part.id.slice(0, 8)}…]
      </Link>
    ),
  );
}

export function CauseNarrative(props: {
  readonly narrative: NarrativeOutcome | undefined;
  readonly experimentId: string | undefined;
  readonly rank: number;
}) {
  const { narrative } = props;
  if (narrative === undefined) return null;
  if ('dropped' in narrative) {
    return (
      <p className="muted" data-testid={`cause-${props.rank}-narrative-dropped`}>
        The model-written hypothesis was dropped: {narrative.dropped}
      </p>
    );
  }
  return (
    <blockquote className="narrative" data-testid={`cause-${props.rank}-narrative`}>
      <p className="narrative-label">Model-written hypothesis — not a finding; check it against the evidence below.</p>
      <p>{withCitations(narrative.text, props.experimentId)}</p>
    </blockquote>
  );
}
