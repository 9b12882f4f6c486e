// Counts what a run spends and says, before each step, whether the step still fits every limit.
import type { CallCost, OptimizationBudget, OptimizationSpend } from './optimization-types.js';

const ZERO: OptimizationSpend = {
  candidateEvals: 0,
  optimizerCalls: 0,
  calls: 0,
  paidCalls: 0,
  inputTokens: 0,
  outputTokens: 0,
  costUsd: 0,
};

/**
 * Limits are checked before a step with an estimate of what it costs: calls exactly (one per item, one per
 * optimizer request), tokens and dollars as the largest per-call figure seen so far times 1.5 — so a step is only
 * started when even an expensive outcome fits. The holdout report at the end is reserved from the start.
 */
export class BudgetTracker {
  private spent: OptimizationSpend = ZERO;
  private maxTokensPerCall = 0;
  private maxUsdPerCall = 0;

  constructor(
    private readonly budget: OptimizationBudget,
    /** Calls the final holdout report needs (reserved). */
    private readonly reservedCalls: number,
  ) {}

  get spend(): OptimizationSpend {
    return this.spent;
  }

  /** Whether the per-call estimates are still unknown while a token or dollar limit applies. */
  get needsProbe(): boolean {
    const limited = this.budget.maxTokens !== undefined || this.budget.maxUsd !== undefined;
    return limited && this.spent.calls === 0;
  }

  /** Whether `calls` more model calls, `evals` of them candidate evaluations, fit (keeping the reservation). */
  canAfford(calls: number, evals: number, options: { readonly reserved?: boolean } = {}): boolean {
    const reserve = options.reserved === true ? 0 : this.reservedCalls;
    const { budget, spent } = this;
    if (budget.maxCandidateEvals !== undefined && spent.candidateEvals + evals > budget.maxCandidateEvals) return false;
    if (budget.maxCalls !== undefined && spent.calls + calls + reserve > budget.maxCalls) return false;
    const ahead = calls + reserve;
    if (budget.maxTokens !== undefined) {
      const tokens = spent.inputTokens + spent.outputTokens;
      if (tokens + ahead * this.maxTokensPerCall * 1.5 > budget.maxTokens) return false;
    }
    if (budget.maxUsd !== undefined && spent.costUsd + ahead * this.maxUsdPerCall * 1.5 > budget.maxUsd) return false;
    return true;
  }

  /** Records what a step cost; `evals` candidate evaluations, `optimizerCalls` optimizer requests among the calls. */
  record(cost: CallCost, evals: number, optimizerCalls = 0): void {
    const spent = this.spent;
    this.spent = {
      candidateEvals: spent.candidateEvals + evals,
      optimizerCalls: spent.optimizerCalls + optimizerCalls,
      calls: spent.calls + cost.calls,
      paidCalls: spent.paidCalls + cost.paidCalls,
      inputTokens: spent.inputTokens + cost.inputTokens,
      outputTokens: spent.outputTokens + cost.outputTokens,
      costUsd: spent.costUsd + cost.costUsd,
    };
    if (cost.calls > 0) {
      this.maxTokensPerCall = Math.max(this.maxTokensPerCall, (cost.inputTokens + cost.outputTokens) / cost.calls);
      this.maxUsdPerCall = Math.max(this.maxUsdPerCall, cost.costUsd / cost.calls);
    }
  }
}

export const NO_COST: CallCost = { calls: 0, paidCalls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };

export function addCost(a: CallCost, b: CallCost): CallCost {
  return {
    calls: a.calls + b.calls,
    paidCalls: a.paidCalls + b.paidCalls,
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    costUsd: a.costUsd + b.costUsd,
  };
}
