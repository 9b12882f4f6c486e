// Configuration of a simulated model: rule switches, the noise rate, the long-prompt threshold, quality knobs.
import type { IfevalRuleName } from './tasks/ifeval/ifeval-rules.js';
import type { JudgeRuleName } from './tasks/judge/judge-rules.js';
import type { OptimizerRuleName } from './tasks/optimizer/optimizer-rules.js';
import type { SchemaorgRuleName } from './tasks/schemaorg/rules.js';

/** Every task's rule names; a new task adds its own union here. */
export type SimulatedRuleName = SchemaorgRuleName | IfevalRuleName | JudgeRuleName | OptimizerRuleName;

export interface SimulatedOptions {
  /**
   * Rule switches. Unset: the rule happens when its condition holds (usually: the prompt did not ask otherwise).
   * `true`: it happens on every call whatever the prompt says (plant a root cause). `false`: it never happens.
   */
  readonly rules?: Partial<Record<SimulatedRuleName, boolean>>;
  /**
   * Share of (item, prompt, seed) triples that fail whatever the prompt says; default 0.08, `0` turns noise off.
   * `sim:judge` reads it as the share of flipped answers (default 0.1); `sim:ifeval` does not use it (its failures
   * come from the per-type base rates).
   */
  readonly noise?: number;
  /** Where long prompts start losing instructions (tokens of the prompt without its input page). */
  readonly longPrompt?: {
    /** Below this many tokens nothing is dropped; default 2000. */
    readonly thresholdTokens?: number;
    /** Tokens above the threshold at which each instruction is dropped with probability 1/2; default 2000. */
    readonly halfDropTokens?: number;
  };
  /**
   * `sim:ifeval` only: multiplies each instruction type's base failure rate (GPT-4's, from the IFEval data) by this,
   * capped at 0.95, before reminders apply. Default 1 (GPT-4); e.g. 2.5 for a small open model that follows far
   * fewer instructions, below 1 for a stronger one. Other tasks ignore it.
   */
  readonly failureScale?: number;
  /** `sim:optimizer` only: how often it proposes a weak edit instead of a good one. Each a share in [0, 1]. */
  readonly optimizer?: {
    /** Share of calls answered with the part's text unchanged (the loop drops such no-op edits); default 0.05. */
    readonly noopRate?: number;
    /**
     * Share of instruction sentences written as a loose paraphrase that keeps the gist but drops the author's detail
     * (what follows a colon, a dash or a parenthesis); default 0.2.
     */
    readonly paraphraseRate?: number;
    /** Share of reflect calls that add one vague sentence ("Be careful and accurate.") instead; default 0.1. */
    readonly overgeneralRate?: number;
  };
}

export const DEFAULT_NOISE = 0.08;
export const DEFAULT_LONG_PROMPT = { thresholdTokens: 2000, halfDropTokens: 2000 } as const;
export const DEFAULT_FAILURE_SCALE = 1;
