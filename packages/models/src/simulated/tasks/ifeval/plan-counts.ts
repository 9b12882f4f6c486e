// Planning steps for counted instructions: words, sentences, keywords, letters, ALL-CAPS words.
import { atLeast, count, list, type PlanStep, text } from './plan-step.js';
import { keywordUse, narrow, overlaps, type Range } from './response-plan.js';

/** Followed: a little past the bound. Violated: the usual miss, well short of "at least", well over "less than". */
function lengthStep(key: string, relationKey: string, range: 'words' | 'sentences'): PlanStep {
  return (plan, kwargs, comply, draw) => {
    const bound = count(kwargs, key);
    const least = atLeast(kwargs, relationKey);
    const slack = range === 'words' ? Math.max(2, Math.ceil(bound * 0.02)) : bound >= 6 ? 1 : 0;
    if (comply) {
      narrow(
        plan[range],
        least ? { min: bound + slack + (range === 'sentences' ? 1 : 0) } : { max: bound - 1 - slack },
      );
      return true;
    }
    const current = plan[range];
    if (least) {
      // Nothing is shorter than one sentence or two words, and a range violated on both sides is not a range.
      if (bound <= 2 || (current.min ?? 0) >= bound) return true;
      const max = Math.min(bound - 2, Math.floor(bound * (0.55 + 0.35 * draw('short'))));
      narrow(current, { max: Math.max(1, max) });
      return false;
    }
    if ((current.max ?? Number.POSITIVE_INFINITY) < bound) return true;
    narrow(current, { min: Math.max(bound + 2, Math.ceil(bound * (1.15 + 0.35 * draw('long')))) });
    return false;
  };
}

/** Words: a little past the bound; missed: 55–90 % of "at least", 115–150 % of "less than". */
export const numberWords = lengthStep('num_words', 'relation', 'words');
/** Sentences, the same way as words. */
export const numberSentences = lengthStep('num_sentences', 'relation', 'sentences');

/** Each keyword once; violated, one of them is left out (and never appears, not even inside a longer word). */
export const keywordExistence: PlanStep = (plan, kwargs, comply, draw) => {
  const keywords = list(kwargs, 'keywords');
  const omitted = comply ? undefined : keywords[Math.floor(draw('omit') * keywords.length)];
  for (const keyword of keywords) {
    if (keyword === omitted) {
      plan.avoidSubstrings.add(keyword.toLowerCase());
      keywordUse(plan, keyword).count = 0;
    } else {
      const use = keywordUse(plan, keyword);
      use.count = Math.min(Math.max(use.count, 1), use.limit.max ?? Number.POSITIVE_INFINITY);
    }
  }
  return comply || omitted === undefined;
};

/** The keyword so many times; violated, too rarely or too often (unless an earlier instruction rules that out). */
export const keywordFrequency: PlanStep = (plan, kwargs, comply, draw) => {
  const keyword = text(kwargs, 'keyword');
  const bound = count(kwargs, 'frequency');
  const use = keywordUse(plan, keyword);
  // Following "at least" and violating "less than" both need the keyword at least `bound` times.
  const more = atLeast(kwargs, 'relation') === comply;
  const wanted: Range = more
    ? { min: bound + Math.floor(draw('extra') * 2) }
    : { max: comply ? Math.min(Math.max(use.count, 1), bound - 1) : Math.floor(draw('fewer') * bound) };
  if (!more && bound <= 0) return true; // nothing is rarer than zero times
  if (!comply && !overlaps(use.limit, wanted)) return true; // "6 or 7 times" cannot be missed on both sides
  narrow(use.limit, wanted);
  use.count = Math.min(Math.max(use.count, use.limit.min ?? 0), use.limit.max ?? Number.POSITIVE_INFINITY);
  if (!more) plan.avoidSubstrings.add(keyword.toLowerCase());
  return comply;
};

/** Forbidden words are never written; violated, one of them slips in once. */
export const forbiddenWords: PlanStep = (plan, kwargs, comply, draw) => {
  const words = list(kwargs, 'forbidden_words');
  const slip = comply ? undefined : words[Math.floor(draw('slip') * words.length)];
  for (const word of words) {
    if (word === slip) keywordUse(plan, word).count = Math.max(1, keywordUse(plan, word).count);
    else plan.avoidWords.add(word.toLowerCase());
  }
  return comply || slip === undefined;
};

/** A letter's count: favoured or avoided letters; `#` is hashtags and `!` exclamation marks. */
export const letterFrequency: PlanStep = (plan, kwargs, comply, draw) => {
  const letter = text(kwargs, 'letter').toLowerCase();
  const bound = count(kwargs, 'let_frequency');
  const more = atLeast(kwargs, 'let_relation') === comply; // the text needs at least `bound` of it
  if (!more && bound <= 0) return true;
  const range = plan.letters.get(letter) ?? {};
  plan.letters.set(letter, range);
  const wanted: Range = more
    ? { min: comply ? bound + 2 : bound + 1 + Math.floor(draw('more') * 3) }
    : { max: bound - 1 };
  if (!comply && !overlaps(range, wanted)) return true;
  if (more) {
    const target = wanted.min ?? bound;
    narrow(range, { min: target });
    if (letter === '#') plan.hashtags = Math.max(plan.hashtags, target);
    else if (letter === '!') plan.exclamations = true;
    else plan.preferLetters.add(letter);
  } else {
    narrow(range, { max: bound - 1 });
    if (/\p{L}/u.test(letter)) plan.avoidLetters.add(letter);
  }
  return comply;
};

/** ALL-CAPS words for emphasis: how many the answer has; violated, too few or too many. */
export const capitalWordFrequency: PlanStep = (plan, kwargs, comply, draw) => {
  const bound = count(kwargs, 'capital_frequency');
  const least = atLeast(kwargs, 'capital_relation');
  if (least !== comply && bound <= 0) return true;
  const wanted: Range =
    least === comply
      ? { min: comply ? bound + 1 : bound + 1 + Math.floor(draw('caps') * 3) }
      : { max: comply ? bound - 1 - (bound >= 4 ? 1 : 0) : Math.floor((bound - 1) * draw('caps')) };
  if (!comply && !overlaps(plan.capitals, wanted)) return true;
  narrow(plan.capitals, wanted);
  return comply;
};
