// Configuration of a simulated model: rule switches, the noise rate, the long-prompt threshold.
import type { IfevalRuleName } from './tasks/ifeval/ifeval-rules.js';
import type { JudgeRuleName } from './tasks/judge/judge-rules.js';
import type { SchemaorgRuleName } from './tasks/schemaorg/rules.js';

/** Every task's rule names; a new task adds its own union here. */
export type SimulatedRuleName = SchemaorgRuleName | IfevalRuleName | JudgeRuleName;

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
}

export const DEFAULT_NOISE = 0.08;
export const DEFAULT_LONG_PROMPT = { thresholdTokens: 2000, halfDropTokens: 2000 } as const;
