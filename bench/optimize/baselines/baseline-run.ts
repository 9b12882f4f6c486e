// What a baseline search returns, and the greedy bookkeeping the in-harness baselines share.
import type { PromptContent } from '@kaizen/core';
import { type CountedEvaluate, meanScore } from '../counted-evaluate.js';
import type { BenchTask } from '../tasks/bench-task.js';

/** One accepted edit: the prompt it replaced and the one it became, with the validation means the choice used. */
export interface AcceptedEdit {
  readonly parent: PromptContent;
  readonly child: PromptContent;
  readonly scoreBefore: number;
  readonly scoreAfter: number;
  readonly description: string;
}

export interface BaselineRun {
  readonly method: string;
  readonly best: PromptContent;
  readonly validationBefore: number;
  readonly validationAfter: number;
  /** Candidates evaluated on validation, the start included. */
  readonly candidates: number;
  readonly accepted: readonly AcceptedEdit[];
  readonly optimizerCalls: number;
}

export interface BaselineOptions {
  readonly maxCandidateEvals: number;
  readonly seed: number;
  readonly progress?: (line: string) => void;
}

/**
 * Greedy mean acceptance over the validation split (as GEPA, HRPO and promptfoo select): a candidate replaces the
 * best when its mean validation score is strictly higher.
 */
export class GreedySearch {
  best: PromptContent;
  bestScore = 0;
  validationBefore = 0;
  candidates = 0;
  readonly accepted: AcceptedEdit[] = [];

  constructor(
    private readonly task: BenchTask,
    private readonly counted: CountedEvaluate,
    private readonly maxCandidateEvals: number,
  ) {
    this.best = task.start;
  }

  get canEvaluate(): boolean {
    return this.counted.candidateEvals() + this.task.splits.validation.length <= this.maxCandidateEvals;
  }

  async start(): Promise<void> {
    const batch = await this.counted.evaluate(this.task.start, this.task.splits.validation);
    this.bestScore = meanScore(batch);
    this.validationBefore = this.bestScore;
    this.candidates = 1;
  }

  /** Evaluates a candidate on validation and keeps it when it beats the best: its score, or null (budget spent). */
  async offer(child: PromptContent, description: string): Promise<number | null> {
    if (!this.canEvaluate) return null;
    const batch = await this.counted.evaluate(child, this.task.splits.validation);
    this.candidates++;
    const score = meanScore(batch);
    if (score > this.bestScore) {
      this.accepted.push({ parent: this.best, child, scoreBefore: this.bestScore, scoreAfter: score, description });
      this.best = child;
      this.bestScore = score;
    }
    return score;
  }

  result(method: string, optimizerCalls: number): BaselineRun {
    return {
      method,
      best: this.best,
      validationBefore: this.validationBefore,
      validationAfter: this.bestScore,
      candidates: this.candidates,
      accepted: this.accepted,
      optimizerCalls,
    };
  }
}
