// The evaluation sub-stores over one SqlExecutor: what each Store backend exposes as its evaluation members.
import type { SqlExecutor } from '../sql/sql-executor.js';
import type { EvaluatorStore } from './evaluator-store.js';
import type { LabelStore } from './label-store.js';
import type { OnlineEvaluatorStore } from './online-evaluator-store.js';
import type { ScoreStore } from './score-store.js';
import { createSqlEvaluatorStore } from './sql-evaluator-store.js';
import { createSqlLabelStore } from './sql-label-store.js';
import { createSqlOnlineEvaluatorStore } from './sql-online-evaluator-store.js';
import { createSqlScoreStore } from './sql-score-store.js';

export interface EvaluationStores {
  /** Versioned evaluators (stored checklists). */
  readonly evaluators: EvaluatorStore;
  /** Scores of traces, and their aggregates. */
  readonly scores: ScoreStore;
  /** Human labels per trace and criterion. */
  readonly labels: LabelStore;
  /** Which evaluators score incoming traces. */
  readonly onlineEvaluators: OnlineEvaluatorStore;
}

/**
 * @example
 * const { evaluators, scores, labels, onlineEvaluators } = createEvaluationStores(createSqliteExecutor(database));
 */
export function createEvaluationStores(sql: SqlExecutor): EvaluationStores {
  return {
    evaluators: createSqlEvaluatorStore(sql),
    scores: createSqlScoreStore(sql),
    labels: createSqlLabelStore(sql),
    onlineEvaluators: createSqlOnlineEvaluatorStore(sql),
  };
}
