// Assembles the whole answer from its responses: repeated request, postscript, end phrase, case, JSON or quotes.
import { seededIndex } from '../../seeded-hash.js';
import { bankSentence, englishSentence } from './compose-sentence.js';
import { sentenceText } from './decorate-sentences.js';
import type { Knobs, RenderContext } from './render-context.js';
import { renderPart } from './render-part.js';
import type { ResponsePlan } from './response-plan.js';
import { allowedPool } from './word-filter.js';

/** A sentence outside the body (postscript, words after the end phrase), under the same filter. */
function extraSentence(plan: ResponsePlan, context: RenderContext, label: string): string {
  if (plan.language !== undefined) return bankSentence(plan.language, 3, context.seed, `${context.key}:${label}`) ?? '';
  const sentence = englishSentence({
    seed: context.seed,
    key: `${context.key}:${label}`,
    topic: context.topic,
    filter: context.filter,
    commas: false,
    clauses: 1,
  });
  return sentenceText(sentence);
}

/** Case changes spare what the instructions spell case-sensitively: SECTION markers and "My answer is yes.". */
function changeCase(text: string, plan: ResponsePlan): string {
  if (plan.caseMode === 'normal') return text;
  const kept = [plan.sections?.splitter, 'My answer is yes.', 'My answer is no.', 'My answer is maybe.'].filter(
    (value): value is string => value !== undefined && value.length > 0,
  );
  let masked = text;
  kept.forEach((value, index) => {
    masked = masked.replaceAll(value, `\uE000${index}\uE001`);
  });
  const change = (part: string) => (plan.caseMode === 'lower' ? part.toLowerCase() : part.toUpperCase());
  let changed: string;
  if (plan.caseMode === 'upper-slip') {
    const cut = masked.lastIndexOf('\n\n');
    changed =
      cut > 0
        ? change(masked.slice(0, cut)) + masked.slice(cut)
        : change(masked.slice(0, Math.ceil(masked.length / 2))) + masked.slice(Math.ceil(masked.length / 2));
  } else changed = change(masked);
  return changed.replace(/\uE000(\d+)\uE001/g, (_match, index: string) => kept[Number(index)] ?? '');
}

const JSON_KEYS = ['answer', 'response', 'content', 'details', 'text', 'items', 'body'];

function wrapJson(text: string, plan: ResponsePlan, context: RenderContext): string {
  const key = allowedPool(context.filter, JSON_KEYS)[0] ?? 'x';
  const paragraphs = text
    .split(/\n\n+/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  const json = JSON.stringify({ [key]: paragraphs }, null, 2);
  // "Do not include the keyword JSON" rules out the ```json fence and naming the format.
  const named = allowedPool(context.filter, ['json']).length > 0;
  const fence = named ? '```json' : '```';
  if (plan.json === 'prose')
    return `${named ? 'Here is the answer in JSON format:' : 'Here is the answer:'}\n${fence}\n${json}\n\`\`\``;
  return seededIndex(2, context.seed, context.key, 'fence') === 0 ? json : `${fence}\n${json}\n\`\`\``;
}

function quote(text: string, plan: ResponsePlan): string {
  if (plan.quotes === 'wrap') return `"${text}"`;
  if (plan.quotes !== 'partial') return text;
  const cut = text.indexOf('\n\n');
  return cut > 0 ? `"${text.slice(0, cut)}"${text.slice(cut)}` : text;
}

/**
 * The answer's full text for the given sizes.
 * @example
 * renderAnswer(plan, context, { sentences: 8, clauses: 1, emphasis: 0 });
 */
export function renderAnswer(plan: ResponsePlan, context: RenderContext, knobs: Knobs): string {
  const two = plan.responses !== 'one';
  const first = two ? Math.ceil(knobs.sentences / 2) : knobs.sentences;
  const parts = [renderPart(plan, context, knobs, 0, first)];
  if (two) parts.push(renderPart(plan, context, knobs, 1, Math.max(1, knobs.sentences - first)));
  let text = parts.join(plan.responses === 'two' ? '\n\n******\n\n' : '\n\nAlternatively:\n\n');
  const separator = plan.nth === undefined ? '\n\n' : '\n';
  if (plan.repeat !== undefined) {
    // The usual miss: a word of acknowledgement before the request, which then no longer starts the answer.
    const preface = plan.repeat.preface ? 'Sure!\n' : '';
    text = `${preface}${plan.repeat.text}\n\n${text}`;
  }
  if (plan.postscript !== undefined) text += `${separator}${plan.postscript} ${extraSentence(plan, context, 'ps')}`;
  if (plan.end !== undefined && plan.end.mode !== 'missing') {
    text += `${separator}${plan.end.phrase}`;
    if (plan.end.mode === 'trailing') text += `${separator}${extraSentence(plan, context, 'after-end')}`;
  }
  text = changeCase(text, plan);
  if (plan.json !== 'none') text = wrapJson(text, plan, context);
  return quote(text, plan);
}
