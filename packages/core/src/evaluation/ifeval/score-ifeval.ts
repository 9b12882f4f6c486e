// Prompt-level and instruction-level accuracy of IFEval responses, strict and loose, as in the paper's tables.
import { KaizenError } from '../../errors/kaizen-error.js';
import { buildIfevalPredicate, followsInstruction } from './check-instruction.js';

/**
 * One IFEval prompt's instructions (ids with their kwargs, in the same order) and the response to judge.
 * @example
 * const item: IfevalItem = {
 *   instructionIds: ['length_constraints:number_words'],
 *   kwargs: [{ relation: 'at least', num_words: 300 }],
 *   response: 'A short answer.',
 * };
 */
export interface IfevalItem {
  readonly instructionIds: readonly string[];
  readonly kwargs: readonly Readonly<Record<string, unknown>>[];
  readonly response: string;
  readonly prompt?: string;
}

/** Per-instruction verdicts of one item, in the item's instruction order. */
export interface IfevalItemResult {
  readonly strict: readonly boolean[];
  readonly loose: readonly boolean[];
}

export interface IfevalScore {
  /** Share of prompts whose every instruction was followed. */
  readonly promptLevelStrict: number;
  readonly promptLevelLoose: number;
  /** Share of all instructions followed. */
  readonly instructionLevelStrict: number;
  readonly instructionLevelLoose: number;
  readonly promptCount: number;
  readonly instructionCount: number;
  readonly items: readonly IfevalItemResult[];
}

/**
 * Judges one item in both modes.
 * @example
 * judgeIfevalItem({ instructionIds: ['startend:quotation'], kwargs: [{}], response: 'Sure:\n"Yes"' });
 * // { strict: [false], loose: [true] }
 */
export function judgeIfevalItem(item: IfevalItem): IfevalItemResult {
  if (item.instructionIds.length !== item.kwargs.length) {
    throw new KaizenError(
      'invalid_input',
      `an IFEval item needs one kwargs object per instruction: ${item.instructionIds.length} ids, ${item.kwargs.length} kwargs`,
    );
  }
  const predicates = item.instructionIds.map((id, index) =>
    buildIfevalPredicate(id, item.kwargs[index] ?? {}, item.prompt),
  );
  return {
    strict: predicates.map((predicate) => followsInstruction(predicate, item.response, 'strict')),
    loose: predicates.map((predicate) => followsInstruction(predicate, item.response, 'loose')),
  };
}

/**
 * Scores a set of IFEval responses. Accuracies are in [0, 1]; an empty set scores 0.
 * @example
 * const score = scoreIfeval([{ instructionIds: ['punctuation:no_comma'], kwargs: [{}], response: 'Yes indeed' }]);
 * score.promptLevelStrict; // 1
 */
export function scoreIfeval(items: readonly IfevalItem[]): IfevalScore {
  const results = items.map(judgeIfevalItem);
  const share = (count: number, total: number): number => (total === 0 ? 0 : count / total);
  const all = (verdicts: readonly boolean[]): boolean => verdicts.every(Boolean);
  const followed = (verdicts: readonly boolean[]): number => verdicts.filter(Boolean).length;
  const instructionCount = results.reduce((sum, result) => sum + result.strict.length, 0);
  return {
    promptLevelStrict: share(results.filter((result) => all(result.strict)).length, results.length),
    promptLevelLoose: share(results.filter((result) => all(result.loose)).length, results.length),
    instructionLevelStrict: share(
      results.reduce((sum, result) => sum + followed(result.strict), 0),
      instructionCount,
    ),
    instructionLevelLoose: share(
      results.reduce((sum, result) => sum + followed(result.loose), 0),
      instructionCount,
    ),
    promptCount: results.length,
    instructionCount,
    items: results,
  };
}
