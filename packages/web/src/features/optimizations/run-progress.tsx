// Where a run stands: round, candidates, best score and spend, with a bar for each limit it was started with.
import { dateTime } from '../../components/status';
import { budgetUsage } from './budget-usage';
import { Fact } from './fact';
import { count, money, score } from './optimization-format';
import type { OptimizationRun } from './optimization-types';

export function RunProgress(props: { readonly run: OptimizationRun }) {
  const { run } = props;
  const { spend, progress } = run;
  const usage = budgetUsage(run);
  const running = run.status === 'running';
  return (
    <div className="card" data-testid={running ? 'run-progress' : 'run-summary'}>
      <dl className="facts" style={{ display: 'flex', flexWrap: 'wrap', gap: '6px 24px', margin: 0 }}>
        <Fact name="Round" value={`${run.round}${running ? ' ended' : ''}`} />
        <Fact name="Candidates" value={String(progress.candidates)} testId="run-candidates" />
        <Fact
          name="Best"
          value={
            progress.bestCandidateId === null
              ? '–'
              : `${progress.bestCandidateId} · ${score(progress.bestValidationScore)} on validation`
          }
          testId="run-best"
        />
        <Fact name="Candidate evals" value={String(spend.candidateEvals)} />
        <Fact name="Calls" value={`${spend.calls} (${spend.paidCalls} paid, ${spend.optimizerCalls} optimizer)`} />
        <Fact name="Tokens" value={count(spend.inputTokens + spend.outputTokens)} />
        <Fact name="Cost" value={money(spend.costUsd)} />
        <Fact name="Started" value={dateTime(run.createdAt)} />
        {run.finishedAt !== null ? <Fact name="Finished" value={dateTime(run.finishedAt)} /> : null}
      </dl>
      {usage.length > 0 ? (
        <div data-testid="budget-progress" style={{ marginTop: 10 }}>
          {usage.map((row) => (
            <div key={row.name} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
              <span className="muted" style={{ width: 120 }}>
                {row.name}
              </span>
              <progress
                value={Math.min(row.used, row.limit)}
                max={row.limit}
                aria-label={`${row.name} used of the budget`}
                style={{ flex: '0 1 320px' }}
              />
              <span>{row.text}</span>
            </div>
          ))}
        </div>
      ) : (
        <p className="muted">No budget set: the loop's default limits apply (6 rounds, stop after 2 without gain).</p>
      )}
    </div>
  );
}
