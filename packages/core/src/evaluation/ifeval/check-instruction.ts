// Runs one IFEval instruction check on a response, strictly or loosely (the paper's relaxed variants).
import { KaizenError } from '../../errors/kaizen-error.js';
import type { IfevalPredicate } from './check-types.js';
import { isIfevalInstructionId } from './instruction-ids.js';
import { pyStrip } from './python-text.js';
import { IFEVAL_CHECKS } from './registry.js';

/** `strict` judges the response as given; `loose` also tries the paper's relaxed texts (`looseVariants`). */
export type IfevalMode = 'strict' | 'loose';

/**
 * The texts the loose mode tries: the response, without its first line, without its last line, without both, and
 * each of those with every `*` removed (markdown emphasis). Order as in the reference.
 * @example
 * looseVariants('Sure:\n**"Yes"**')[5]; // '"Yes"': first line removed, then the stars
 */
export function looseVariants(response: string): string[] {
  const lines = response.split('\n');
  const withoutFirst = pyStrip(lines.slice(1).join('\n'));
  const withoutLast = pyStrip(lines.slice(0, -1).join('\n'));
  const withoutBoth = pyStrip(lines.slice(1, -1).join('\n'));
  const unstarred = (text: string): string => text.replaceAll('*', '');
  return [
    response,
    unstarred(response),
    withoutFirst,
    withoutLast,
    withoutBoth,
    unstarred(withoutFirst),
    unstarred(withoutLast),
    unstarred(withoutBoth),
  ];
}

/** Builds the predicate of an instruction; unknown ids and bad kwargs throw `KaizenError('invalid_input')`. */
export function buildIfevalPredicate(
  instructionId: string,
  kwargs: Readonly<Record<string, unknown>>,
  prompt?: string,
): IfevalPredicate {
  if (!isIfevalInstructionId(instructionId)) {
    throw new KaizenError('invalid_input', `unknown IFEval instruction id "${instructionId}"`);
  }
  return IFEVAL_CHECKS[instructionId]({ kwargs, prompt });
}

/** Applies a built predicate in a mode; a blank text never follows an instruction. */
export function followsInstruction(predicate: IfevalPredicate, response: string, mode: IfevalMode): boolean {
  const candidates = mode === 'strict' ? [response] : looseVariants(response);
  return candidates.some((candidate) => pyStrip(candidate) !== '' && predicate(candidate));
}

/**
 * Did `response` follow the IFEval instruction? `prompt` is passed to checks that need it (none of the 25 does).
 * @example
 * checkIfevalInstruction('punctuation:no_comma', {}, 'Hello, world', 'strict'); // false
 * checkIfevalInstruction('length_constraints:number_words', { relation: 'less than', num_words: 3 }, 'Two words', 'strict'); // true
 * checkIfevalInstruction('startend:quotation', {}, '"Quoted"\nP.S. bye', 'loose'); // true: without the last line
 */
export function checkIfevalInstruction(
  instructionId: string,
  kwargs: Readonly<Record<string, unknown>>,
  response: string,
  mode: IfevalMode,
  prompt?: string,
): boolean {
  return followsInstruction(buildIfevalPredicate(instructionId, kwargs, prompt), response, mode);
}
