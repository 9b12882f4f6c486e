// Decides, instruction by instruction, whether the simulated model follows it: base rate, reminders, rules, length.
import { seededUnit } from '../../seeded-hash.js';
import type { SimulatedOptions } from '../../simulated-options.js';
import { baseFailureRate } from './base-rates.js';
import type { IfevalInstruction } from './ifeval-instruction.js';
import { type IfevalRuleName, missRule } from './ifeval-rules.js';
import type { Reminders } from './read-reminders.js';

/**
 * Why an instruction is followed or not: the seeded draw, a forced rule, a long prompt, the request to repeat
 * already breaking it (`conflict`), or the instruction itself (`cannot-fail`: "at least one sentence").
 */
export type DecisionReason = 'draw' | 'forced' | 'forgotten' | 'conflict' | 'cannot-fail' | 'cannot-comply';

export interface IfevalDecision {
  readonly instruction: IfevalInstruction;
  /** Whether the answer is written to follow the instruction. */
  readonly comply: boolean;
  readonly reason: DecisionReason;
  /** The failure probability the draw used: min(0.95, base rate × failureScale) × reminder multiplier. */
  readonly failureRate: number;
}

export interface DecisionContext {
  readonly seed: number;
  /** The user prompt: with the instruction and its position, it seeds the draw. */
  readonly prompt: string;
  readonly reminders: Reminders;
  /** Probability that an instruction is forgotten because the system prompt is long. */
  readonly forgetProbability: number;
  readonly rules: SimulatedOptions['rules'];
  /** `SimulatedOptions.failureScale`: multiplies every base failure rate (1 = GPT-4 as measured). */
  readonly failureScale: number;
}

/** The highest failure rate `failureScale` can give a type, so a scaled-down model still follows something. */
export const MAX_SCALED_FAILURE_RATE = 0.95;

/**
 * A type's failure rate before reminders: GPT-4's base rate times `failureScale`, capped at 0.95. A scale below 1
 * simulates a stronger model; a negative or non-finite scale counts as 1.
 * @example
 * scaledFailureRate('punctuation:no_comma', 2.5); // min(0.95, 2.5 × 22/66) ≈ 0.833
 */
export function scaledFailureRate(id: IfevalInstruction['id'], failureScale: number): number {
  const scale = Number.isFinite(failureScale) && failureScale >= 0 ? failureScale : 1;
  return Math.min(MAX_SCALED_FAILURE_RATE, baseFailureRate(id) * scale);
}

/**
 * One decision. The draw depends on the seed, the user prompt and the instruction, not on the system prompt, so a
 * better system prompt only lowers the threshold: it turns some failures into successes and never the reverse.
 * `failureScale` moves every threshold the same way for every system prompt (it scales the base rate, before the
 * reminder multiplier), so the invariant holds at any scale: with a scale, reminders still only lower the threshold.
 * @example
 * decide(instruction, 0, context).comply; // true for about 2 in 3 no-comma instructions without reminders
 */
export function decide(
  instruction: IfevalInstruction,
  index: number,
  context: DecisionContext,
): { decision: IfevalDecision; fired?: IfevalRuleName } {
  const rule = missRule(instruction.id);
  const failureRate =
    scaledFailureRate(instruction.id, context.failureScale) * context.reminders.multiplier(instruction.id);
  const made = (comply: boolean, reason: DecisionReason) => ({ instruction, comply, reason, failureRate });
  const forced = context.rules?.[rule];
  if (forced === true) return { decision: made(false, 'forced'), fired: rule };
  if (forced === false) return { decision: made(true, 'forced') };
  const forget = context.rules?.forgetWhenLong;
  const forgotten =
    forget === true ||
    (forget !== false &&
      seededUnit(context.seed, 'forget', instruction.id, index, context.prompt) < context.forgetProbability);
  if (forgotten) return { decision: made(false, 'forgotten'), fired: 'forgetWhenLong' };
  const comply = seededUnit(context.seed, 'comply', instruction.id, index, context.prompt) >= failureRate;
  return comply ? { decision: made(true, 'draw') } : { decision: made(false, 'draw'), fired: rule };
}
