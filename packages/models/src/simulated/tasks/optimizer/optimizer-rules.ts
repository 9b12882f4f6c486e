// The optimizer simulator's rule switches and quality knobs: how often it proposes a weak edit.

/**
 * Rule names of `sim:optimizer`. Unset, each happens at its rate (`options.optimizer`); forced on, on every call
 * (every sentence for `paraphraseEdit`); forced off, never.
 * - `noopEdit`: the part's text comes back unchanged (reflect) or the best earlier prompt does (rewrite).
 * - `overgeneralEdit`: one vague sentence ("Be careful and accurate.") instead of the specific ones (reflect).
 * - `paraphraseEdit`: a sentence loses the author's detail (after a colon, dash or parenthesis) and is reworded.
 * @example
 * createSimulatedModel('optimizer', { rules: { noopEdit: true } }); // every proposal is a no-op
 */
export const OPTIMIZER_RULE_NAMES = ['noopEdit', 'overgeneralEdit', 'paraphraseEdit'] as const;
export type OptimizerRuleName = (typeof OPTIMIZER_RULE_NAMES)[number];

/** Defaults of `options.optimizer`: a decent but imperfect reflection model. */
export const DEFAULT_OPTIMIZER_RATES = { noopRate: 0.05, paraphraseRate: 0.2, overgeneralRate: 0.1 } as const;

export type OptimizerRates = { readonly [K in keyof typeof DEFAULT_OPTIMIZER_RATES]: number };

/**
 * The rates in force: the options' values (clamped to [0, 1]) over the defaults.
 * @example
 * optimizerRates({ optimizer: { noopRate: 0 } }); // { noopRate: 0, paraphraseRate: 0.2, overgeneralRate: 0.1 }
 */
// Structural, not SimulatedOptions: simulated-options.ts imports this file's rule names (no import cycle).
export function optimizerRates(options: {
  readonly optimizer?: { readonly [K in keyof OptimizerRates]?: number } | undefined;
}): OptimizerRates {
  const given = options.optimizer ?? {};
  const rate = (value: number | undefined, fallback: number) =>
    value === undefined || !Number.isFinite(value) ? fallback : Math.min(1, Math.max(0, value));
  return {
    noopRate: rate(given.noopRate, DEFAULT_OPTIMIZER_RATES.noopRate),
    paraphraseRate: rate(given.paraphraseRate, DEFAULT_OPTIMIZER_RATES.paraphraseRate),
    overgeneralRate: rate(given.overgeneralRate, DEFAULT_OPTIMIZER_RATES.overgeneralRate),
  };
}
