// Planning steps for format instructions: structure, wrapping, case, commas, language, start and end.
import { LANGUAGE_BANKS } from './language-bank.js';
import { count, type PlanStep, text } from './plan-step.js';

/** One of two ways of getting it wrong, by the seeded draw. */
const either = (draw: (name: string) => number, name: string) => draw(name) < 0.5;

/** Paragraphs between *** dividers; missed: one paragraph too many or too few, or blank lines instead of ***. */
export const numberParagraphs: PlanStep = (plan, kwargs, comply, draw) => {
  const wanted = Math.max(1, count(kwargs, 'num_paragraphs'));
  if (comply) plan.divided = { count: wanted, divider: '***' };
  else if (wanted > 1 && either(draw, 'blank')) plan.divided = { count: wanted, divider: 'blank' };
  else plan.divided = { count: wanted > 1 && either(draw, 'fewer') ? wanted - 1 : wanted + 1, divider: '***' };
  return comply;
};

/** The nth paragraph starts with the word; missed: it starts with "the", or there is one paragraph too many. */
export const nthParagraphFirstWord: PlanStep = (plan, kwargs, comply, draw) => {
  const total = Math.max(1, count(kwargs, 'num_paragraphs'));
  const nth = Math.min(total, Math.max(1, count(kwargs, 'nth_paragraph')));
  const word = text(kwargs, 'first_word');
  if (comply) plan.nth = { count: total, nth, word };
  else if (either(draw, 'word')) plan.nth = { count: total, nth, word: word.toLowerCase() === 'the' ? 'this' : 'the' };
  else plan.nth = { count: total + 1, nth, word };
  return comply;
};

/** [placeholders] in square brackets; missed: one fewer than asked. */
export const numberPlaceholders: PlanStep = (plan, kwargs, comply, draw) => {
  const wanted = count(kwargs, 'num_placeholders');
  if (!comply && wanted <= 0) return true;
  plan.placeholders = comply ? Math.max(plan.placeholders, wanted + Math.floor(draw('extra') * 2)) : wanted - 1;
  return comply;
};

/** A postscript with the marker; missed: none, or "P.S." for "P.P.S" and "PS:" for "P.S.". */
export const postscript: PlanStep = (plan, kwargs, comply, draw) => {
  const marker = text(kwargs, 'postscript_marker') || 'P.S.';
  if (comply) plan.postscript = marker;
  else if (marker.startsWith('P.P')) plan.postscript = either(draw, 'omit') ? undefined : 'P.S.';
  else plan.postscript = either(draw, 'omit') ? undefined : 'PS:';
  return comply;
};

/** Exactly so many "* " bullets; missed: a numbered list, or one bullet too many or too few. */
export const numberBulletLists: PlanStep = (plan, kwargs, comply, draw) => {
  const wanted = count(kwargs, 'num_bullets');
  if (comply) plan.bullets = { count: wanted, numbered: false };
  else if (either(draw, 'numbered') && wanted > 0) plan.bullets = { count: wanted, numbered: true };
  else plan.bullets = { count: wanted > 1 && either(draw, 'fewer') ? wanted - 1 : wanted + 1, numbered: false };
  return comply;
};

/** "My answer is yes." (or no/maybe); missed: "I would say yes overall." */
export const constrainedResponse: PlanStep = (plan, _kwargs, comply) => {
  plan.constrained = comply ? 'exact' : 'paraphrase';
  return comply;
};

/** *Highlighted* spans; missed: one fewer than asked. */
export const numberHighlightedSections: PlanStep = (plan, kwargs, comply) => {
  const wanted = count(kwargs, 'num_highlights');
  if (!comply && wanted <= 0) return true;
  plan.highlights = comply ? Math.max(plan.highlights, wanted) : Math.min(plan.highlights || wanted - 1, wanted - 1);
  return comply;
};

/** "SECTION 1"… markers; missed: one section fewer, or "Part 1" instead of the asked marker. */
export const multipleSections: PlanStep = (plan, kwargs, comply, draw) => {
  const splitter = text(kwargs, 'section_spliter').trim() || 'SECTION';
  const wanted = Math.max(1, count(kwargs, 'num_sections'));
  if (comply) plan.sections = { splitter, count: wanted };
  else if (wanted > 1 && either(draw, 'fewer')) plan.sections = { splitter, count: wanted - 1 };
  else plan.sections = { splitter: splitter === 'Part' ? 'Chapter' : 'Part', count: wanted };
  return comply;
};

/** The whole answer as JSON (fenced or bare); missed: a sentence of prose before the fenced JSON. */
export const jsonFormat: PlanStep = (plan, _kwargs, comply) => {
  plan.json = comply ? 'wrap' : 'prose';
  return comply;
};

/** A <<title>>; missed: no title, or a markdown "# Title". */
export const title: PlanStep = (plan, _kwargs, comply, draw) => {
  plan.title = comply ? 'angle' : either(draw, 'markdown') ? 'markdown' : 'none';
  return comply;
};

/** Two different responses around ******; missed: only one, or two without the separator. */
export const twoResponses: PlanStep = (plan, _kwargs, comply, draw) => {
  plan.responses = comply ? 'two' : either(draw, 'one') ? 'one' : 'two-unseparated';
  return comply;
};

/** The request repeated first, verbatim; missed: "Sure!" before it. */
export const repeatPrompt: PlanStep = (plan, kwargs, comply) => {
  plan.repeat = { text: text(kwargs, 'prompt_to_repeat'), preface: !comply };
  return comply;
};

/** The end phrase last; missed: a sentence after it, or no end phrase. */
export const endChecker: PlanStep = (plan, kwargs, comply, draw) => {
  plan.end = {
    phrase: text(kwargs, 'end_phrase'),
    mode: comply ? 'exact' : either(draw, 'missing') ? 'missing' : 'trailing',
  };
  return comply;
};

/** All capitals; missed: normal case, or the last paragraph in normal case. */
export const englishCapital: PlanStep = (plan, _kwargs, comply, draw) => {
  plan.caseMode = comply ? 'upper' : either(draw, 'slip') ? 'upper-slip' : 'normal';
  return comply;
};

/** All lowercase; missed: normal case. */
export const englishLowercase: PlanStep = (plan, _kwargs, comply) => {
  plan.caseMode = comply ? 'lower' : 'normal';
  return comply;
};

/** No comma anywhere; missed: an opener such as "In short, ". */
export const noComma: PlanStep = (plan, _kwargs, comply) => {
  plan.commas = comply ? 'none' : 'force';
  return comply;
};

/** The whole answer in double quotes; missed: no quotes, or only the first paragraph quoted. */
export const quotation: PlanStep = (plan, _kwargs, comply, draw) => {
  plan.quotes = comply ? 'wrap' : either(draw, 'partial') ? 'partial' : 'none';
  return comply;
};

/** Answered in the language when the simulator has sentences for it; violated, answered in English. */
export const responseLanguage: PlanStep = (plan, kwargs, comply) => {
  const language = text(kwargs, 'language');
  const known = language === 'en' || LANGUAGE_BANKS[language] !== undefined;
  plan.language = comply && known && language !== 'en' ? language : undefined;
  return comply && known;
};
