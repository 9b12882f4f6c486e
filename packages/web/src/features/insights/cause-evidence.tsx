// Evidence of a cause: failing traces and their closest passing contrasts, each linking to its trace, with the
// excerpt (a rationale or the output) shown as plain text.
import type { EvidenceTrace } from '@kaizen/core';
import { Link } from '../../app/router';

/** Where an evidence id leads: a trace, or for an experiment's report the experiment (its ids are item ids). */
export function evidenceHref(id: string, experimentId: string | undefined): string {
  return experimentId === undefined
    ? `/traces/${encodeURIComponent(id)}`
    : `/experiments/${encodeURIComponent(experimentId)}?item=${encodeURIComponent(id)}`;
}

function EvidenceList(props: {
  readonly title: string;
  readonly traces: readonly EvidenceTrace[];
  readonly experimentId: string | undefined;
  readonly testId: string;
}) {
  return (
    <div>
      <h4>{props.title}</h4>
      {props.traces.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="evidence" data-testid={props.testId}>
          {props.traces.map((trace) => (
            <li key={trace.traceId}>
              <Link to={evidenceHref(trace.traceId, props.experimentId)}>
                <code>{trace.traceId}</code>
              </Link>
              <pre className="excerpt">{trace.excerpt === '' ? '(no text)' : trace.excerpt}</pre>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function CauseEvidence(props: {
  readonly failing: readonly EvidenceTrace[];
  readonly passing: readonly EvidenceTrace[];
  readonly experimentId: string | undefined;
  readonly rank: number;
}) {
  const noun = props.experimentId === undefined ? 'traces' : 'items';
  return (
    <div className="grid-2">
      <EvidenceList
        title={`Failing ${noun}`}
        traces={props.failing}
        experimentId={props.experimentId}
        testId={`cause-${props.rank}-failing`}
      />
      <EvidenceList
        title={`Passing ${noun} that resemble them`}
        traces={props.passing}
        experimentId={props.experimentId}
        testId={`cause-${props.rank}-passing`}
      />
    </div>
  );
}
