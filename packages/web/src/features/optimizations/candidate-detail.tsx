// One candidate's prompt as diffs: against its parent (what this edit changed) or against the start (everything
// the run changed so far), toggled in the URL.
import { Link, type Location, navigate, withQuery } from '../../app/router';
import { DiffView } from '../../components/diff-view';
import { CandidateAcceptance } from './candidate-acceptance';
import { CandidateStatusBadge } from './candidate-status-badge';
import type { OptimizationCandidateView } from './optimization-types';

export type DiffBase = 'parent' | 'start';

export function CandidateDetail(props: {
  readonly candidate: OptimizationCandidateView;
  readonly promptName: string;
  readonly startId: string;
  readonly location: Location;
}) {
  const { candidate, location } = props;
  const base: DiffBase = location.query.get('diff') === 'start' ? 'start' : 'parent';
  const choose = (next: DiffBase) => navigate(withQuery(location, { diff: next }), { replace: true });
  const diff = base === 'parent' ? candidate.diffFromParent : candidate.diffFromStart;
  const isStart = candidate.parentId === null;
  return (
    <div className="card" data-testid="candidate-detail">
      <h3 style={{ fontSize: 15, margin: '0 0 6px' }}>
        Candidate {candidate.id} <CandidateStatusBadge status={candidate.status} />{' '}
        {candidate.promptVersion === null ? null : (
          <Link to={`/prompts/${encodeURIComponent(props.promptName)}`}>
            {props.promptName} v{candidate.promptVersion}
          </Link>
        )}
      </h3>
      {candidate.edit !== null ? (
        <p style={{ margin: '0 0 6px' }}>
          <strong>{candidate.edit.operator}</strong>
          {candidate.edit.causeId === undefined ? '' : ` on ${candidate.edit.causeId}`}: {candidate.edit.description}
        </p>
      ) : null}
      {candidate.acceptance !== null ? <CandidateAcceptance acceptance={candidate.acceptance} /> : null}
      {isStart ? (
        <p className="muted">The start prompt: the other candidates are diffed against it.</p>
      ) : (
        <>
          <div className="diff-modes" style={{ marginTop: 8 }}>
            <button type="button" aria-pressed={base === 'parent'} onClick={() => choose('parent')}>
              Against parent ({candidate.parentId})
            </button>
            <button type="button" aria-pressed={base === 'start'} onClick={() => choose('start')}>
              Against start ({props.startId})
            </button>
          </div>
          {diff === null ? (
            <p className="muted">No diff: the prompt version of this candidate or its {base} is missing.</p>
          ) : (
            <DiffView key={base} diff={diff} testId={`candidate-diff-${base}`} />
          )}
        </>
      )}
    </div>
  );
}
