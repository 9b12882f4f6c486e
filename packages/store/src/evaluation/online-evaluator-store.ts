// Which evaluators score incoming traces: an evaluator, the view it watches, a sampling rate, on or off.

/** null matches any value. */
export interface OnlineEvaluatorView {
  readonly environment: string | null;
  readonly promptName: string | null;
  readonly promptVersion: string | null;
}

export interface OnlineEvaluatorInput extends OnlineEvaluatorView {
  readonly evaluatorName: string;
  /** In [0, 1]: the share of matching traces scored, chosen by a hash of the trace id. */
  readonly samplingRate: number;
  readonly enabled: boolean;
}

export interface OnlineEvaluator extends OnlineEvaluatorInput {
  readonly id: string;
  readonly projectId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface OnlineEvaluatorStore {
  /** One rule per (evaluator, view): putting the same pair again updates its rate and state. */
  put(projectId: string, input: OnlineEvaluatorInput): Promise<{ evaluator: OnlineEvaluator; created: boolean }>;
  list(projectId: string): Promise<readonly OnlineEvaluator[]>;
  get(projectId: string, id: string): Promise<OnlineEvaluator | null>;
  /** False when there was no such rule. */
  remove(projectId: string, id: string): Promise<boolean>;
  /** The enabled rules of every project: what the online worker applies. */
  listEnabled(): Promise<readonly OnlineEvaluator[]>;
}
