// Sizes the answer: searches the number of sentences, clauses per sentence and emphasised words for the plan's counts.
import { seededIndex } from '../../seeded-hash.js';
import { countCapitalWords, countLetter, countSentences, countWords } from './measure-text.js';
import { renderAnswer } from './render-answer.js';
import type { Knobs, RenderContext } from './render-context.js';
import type { Range, ResponsePlan } from './response-plan.js';

interface Measured {
  readonly text: string;
  readonly words: number;
  readonly sentences: number;
  readonly capitals: number;
  readonly letters: ReadonlyMap<string, number>;
}

function measure(plan: ResponsePlan, context: RenderContext, knobs: Knobs): Measured {
  const text = renderAnswer(plan, context, knobs);
  const letters = new Map([...plan.letters.keys()].map((letter) => [letter, countLetter(text, letter)]));
  return { text, words: countWords(text), sentences: countSentences(text), capitals: countCapitalWords(text), letters };
}

/** How far a measured answer is from the plan's ranges; 0 fits. */
function miss(plan: ResponsePlan, measured: Measured): number {
  const off = (value: number, range: Range) =>
    Math.max(0, (range.min ?? 0) - value) + Math.max(0, value - (range.max ?? Number.POSITIVE_INFINITY));
  let total =
    off(measured.words, plan.words) +
    3 * off(measured.sentences, plan.sentences) +
    off(measured.capitals, plan.capitals);
  for (const [letter, range] of plan.letters) total += off(measured.letters.get(letter) ?? 0, range);
  return total;
}

/** Body sentences the structure needs at least: one per section, paragraph, and per response. */
function fewestSentences(plan: ResponsePlan): number {
  // Another language needs enough sentences to outweigh an English request repeated before them.
  const foreign = plan.language === undefined ? 1 : 3 + Math.ceil((plan.repeat?.text.length ?? 0) / 25);
  const perPart = Math.max(1, plan.sections?.count ?? 0, plan.divided?.count ?? 0, plan.nth?.count ?? 0, foreign);
  return perPart * (plan.responses === 'one' ? 1 : 2);
}

/** The emphasis that brings ALL-CAPS words into range, given those the text already has. */
function emphasisFor(plan: ResponsePlan, baseline: number): number {
  if (plan.caseMode !== 'normal' || plan.capitals.min === undefined) return 0;
  return Math.max(0, plan.capitals.min - baseline);
}

const CLAUSES = [1, 2, 3, 4, 6, 8, 12, 16, 24];

/**
 * The answer text that fits the plan's word, sentence, letter and capital ranges as well as the search can make it.
 * @example
 * fitAnswer(plan, context); // e.g. "<<Ireland Haiku>>\n\nThe haiku shapes a quiet morning today. …"
 */
export function fitAnswer(plan: ResponsePlan, context: RenderContext): string {
  const fewest = fewestSentences(plan);
  const natural = fewest + 3 + seededIndex(6, context.seed, context.key, 'length');
  let best: { measured: Measured; miss: number } | undefined;
  const consider = (knobs: Knobs) => {
    const measured = measure(plan, context, knobs);
    const score = miss(plan, measured);
    if (best === undefined || score < best.miss) best = { measured, miss: score };
    return { measured, score };
  };
  for (const clauses of CLAUSES) {
    const base = measure(plan, context, { sentences: fewest, clauses, emphasis: 0 });
    const emphasis = emphasisFor(plan, base.capitals);
    const at = (sentences: number) => consider({ sentences, clauses, emphasis });
    const low = at(fewest).measured;
    const high = at(fewest + 4).measured;
    const perWord = Math.max(0.5, (high.words - low.words) / 4);
    const perSentence = Math.max(0.25, (high.sentences - low.sentences) / 4);
    let lowest = fewest;
    let highest = Number.POSITIVE_INFINITY;
    const bound = (value: number, range: Range, per: number) => {
      if (range.min !== undefined) lowest = Math.max(lowest, fewest + Math.ceil((range.min - value) / per));
      if (range.max !== undefined) highest = Math.min(highest, fewest + Math.floor((range.max - value) / per));
    };
    bound(low.words, plan.words, perWord);
    bound(low.sentences, plan.sentences, perSentence);
    for (const [letter, range] of plan.letters) {
      const per = ((high.letters.get(letter) ?? 0) - (low.letters.get(letter) ?? 0)) / 4;
      if (per > 0 && range.min !== undefined)
        lowest = Math.max(lowest, fewest + Math.ceil((range.min - (low.letters.get(letter) ?? 0)) / per));
    }
    if (lowest > highest + 1) continue; // sentences too few for the words: try longer sentences
    let sentences = Math.max(lowest, Math.min(Number.isFinite(highest) ? highest : natural, Math.max(natural, lowest)));
    for (let attempt = 0; attempt < 8; attempt++) {
      const { measured, score } = at(sentences);
      if (score === 0) return measured.text;
      const step = (range: Range, value: number, per: number) =>
        value < (range.min ?? 0)
          ? Math.ceil(((range.min ?? 0) - value) / per)
          : value > (range.max ?? Number.POSITIVE_INFINITY)
            ? -Math.ceil((value - (range.max ?? 0)) / per)
            : 0;
      const change =
        step(plan.words, measured.words, perWord) || step(plan.sentences, measured.sentences, perSentence) || 1;
      sentences = Math.max(fewest, sentences + change);
    }
  }
  return best?.measured.text ?? renderAnswer(plan, context, { sentences: natural, clauses: 1, emphasis: 0 });
}
