// How much of each limit a run has used, for the progress bars: only the limits the run was started with.
import { count, money } from './optimization-format';
import type { OptimizationRun } from './optimization-types';

export interface BudgetUsage {
  readonly name: string;
  readonly used: number;
  readonly limit: number;
  /** "60 / 200". */
  readonly text: string;
}

/**
 * @example
 * budgetUsage(run); // [{ name: 'candidate evals', used: 60, limit: 200, text: '60 / 200' }, …]
 */
export function budgetUsage(run: Pick<OptimizationRun, 'budget' | 'spend' | 'round'>): BudgetUsage[] {
  const { budget, spend } = run;
  const rows: BudgetUsage[] = [];
  const add = (name: string, used: number, limit: number | undefined, format: (value: number) => string) => {
    if (limit === undefined) return;
    rows.push({ name, used, limit, text: `${format(used)} / ${format(limit)}` });
  };
  add('candidate evals', spend.candidateEvals, budget.maxCandidateEvals, String);
  add('calls', spend.calls, budget.maxCalls, String);
  add('tokens', spend.inputTokens + spend.outputTokens, budget.maxTokens, count);
  add('cost', spend.costUsd, budget.maxUsd, money);
  add('rounds', run.round, budget.maxRounds, String);
  return rows;
}
