// The judge simulator's rule switches: planted failure modes for tests of LLM-judged criteria.

/**
 * Rule names of `sim:judge`. Unset, only `flipAnswers` happens (at the `noise` rate); forced on, each plants its
 * failure mode: every answer flipped, every answer "yes", one criterion unanswered, a reply that is not JSON.
 * @example
 * createSimulatedModel('judge', { rules: { missingAnswer: true } });
 */
export const JUDGE_RULE_NAMES = ['flipAnswers', 'alwaysYes', 'missingAnswer', 'unparseableOutput'] as const;
export type JudgeRuleName = (typeof JUDGE_RULE_NAMES)[number];

/**
 * Share of answers flipped by default: judge-vs-human agreement is high but not perfect.
 * @example
 * createSimulatedModel('judge', { noise: DEFAULT_JUDGE_ERROR_RATE }); // the same as leaving noise unset
 */
export const DEFAULT_JUDGE_ERROR_RATE = 0.1;
