// The candidates of a run grouped by round: the edit that made each one (operator, cause), its minibatch and
// validation scores and the acceptance decision. A candidate's id opens its diffs below.
import type { PromptEdit } from '@kaizen/core';
import { Link, type Location, withQuery } from '../../app/router';
import { type Column, DataTable } from '../../components/data-table';
import { Badge } from '../../components/status';
import { CandidateAcceptance } from './candidate-acceptance';
import { CandidateStatusBadge } from './candidate-status-badge';
import { score } from './optimization-format';
import type { OptimizationCandidateView } from './optimization-types';

export interface RoundsContext {
  readonly location: Location;
  readonly selectedId: string | null;
  readonly bestId: string | null;
  readonly front: ReadonlySet<string>;
}

function operator(edit: PromptEdit | null): string {
  if (edit === null) return '–';
  if (edit.mergedFrom === undefined) return edit.operator;
  return `${edit.operator} (${edit.mergedFrom[0].operator} + ${edit.mergedFrom[1].operator})`;
}

function columns(context: RoundsContext): Column<OptimizationCandidateView>[] {
  return [
    {
      header: 'Candidate',
      cell: (candidate) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <Link to={withQuery(context.location, { candidate: candidate.id })}>
            <span data-testid={`candidate-link-${candidate.id}`}>
              {candidate.id === context.selectedId ? <strong>▸ {candidate.id}</strong> : candidate.id}
            </span>
          </Link>{' '}
          {candidate.promptVersion === null ? '' : <span className="muted">v{candidate.promptVersion}</span>}{' '}
          {candidate.id === context.bestId ? <Badge tone="good">best</Badge> : null}{' '}
          {context.front.has(candidate.id) ? <Badge>front</Badge> : null}
        </span>
      ),
    },
    { header: 'Parent', cell: (candidate) => candidate.parentId ?? '–' },
    { header: 'Operator', cell: (candidate) => operator(candidate.edit) },
    { header: 'Cause', cell: (candidate) => candidate.edit?.causeId ?? '–' },
    { header: 'Edit', cell: (candidate) => candidate.edit?.description ?? 'the start prompt' },
    { header: 'Status', cell: (candidate) => <CandidateStatusBadge status={candidate.status} /> },
    {
      header: 'Minibatch',
      className: 'num',
      cell: (candidate) =>
        candidate.minibatch === null ? (
          '–'
        ) : (
          <span title={`parent ${score(candidate.minibatch.parentScore)} on the same ${candidate.minibatch.n} items`}>
            {score(candidate.minibatch.score)}{' '}
            <span className="muted">
              vs {score(candidate.minibatch.parentScore)} (n={candidate.minibatch.n})
            </span>
          </span>
        ),
    },
    {
      header: 'Validation',
      className: 'num',
      cell: (candidate) =>
        candidate.validation === null ? (
          '–'
        ) : (
          <>
            {score(candidate.validation.score)} <span className="muted">(n={candidate.validation.n})</span>
          </>
        ),
    },
    { header: 'Tokens', className: 'num', cell: (candidate) => candidate.promptTokens },
    { header: 'Acceptance', cell: (candidate) => <CandidateAcceptance acceptance={candidate.acceptance} /> },
  ];
}

export function RunRounds(props: { readonly candidates: readonly OptimizationCandidateView[] } & RoundsContext) {
  const rounds = new Map<number, OptimizationCandidateView[]>();
  for (const candidate of props.candidates) {
    const list = rounds.get(candidate.round) ?? [];
    list.push(candidate);
    rounds.set(candidate.round, list);
  }
  const cells = columns(props);
  if (rounds.size === 0) return <p className="muted">No candidates yet.</p>;
  return (
    <div data-testid="run-rounds">
      {[...rounds.entries()]
        .sort(([a], [b]) => a - b)
        .map(([round, candidates]) => (
          <section key={round} data-testid={`round-${round}`} style={{ marginBottom: 12 }}>
            <h3 style={{ fontSize: 15, margin: '8px 0 4px' }}>
              {round === 0 ? 'Start' : `Round ${round}`}{' '}
              <span className="muted">
                {candidates.length} candidate{candidates.length === 1 ? '' : 's'}
                {round === 0 ? '' : `, ${candidates.filter((item) => item.status === 'accepted').length} accepted`}
              </span>
            </h3>
            <DataTable columns={cells} rows={candidates} rowKey={(candidate) => candidate.id} />
          </section>
        ))}
    </div>
  );
}
