// Renders one response of the answer: title, optional answer phrase, sections or paragraphs, bullets, hashtags.
import { seededIndex } from '../../seeded-hash.js';
import { bankSentence, englishSentence, type Sentence } from './compose-sentence.js';
import { decorate, sentenceText } from './decorate-sentences.js';
import { LANGUAGE_BANKS } from './language-bank.js';
import type { Knobs, RenderContext } from './render-context.js';
import type { ResponsePlan } from './response-plan.js';
import { NOUNS } from './vocabulary.js';
import { allowedPool } from './word-filter.js';

const PLACEHOLDER_NAMES =
  'name date address company city phone email role price time topic location team product website'.split(' ');

/** The body's sentences, decorated when this is the first response. */
export function bodySentences(
  plan: ResponsePlan,
  context: RenderContext,
  knobs: Knobs,
  part: number,
  total: number,
  label = 'body',
): string[] {
  const key = `${context.key}:${part}:${label}`;
  const decorated = part === 0 && label === 'body';
  const keywords = decorated ? plan.keywords.flatMap((use) => Array<string>(use.count).fill(use.term)) : [];
  const names = [...plan.placeholderNames, ...PLACEHOLDER_NAMES].filter(
    (name) => allowedPool(context.filter, [name]).length > 0,
  );
  const placeholders = decorated
    ? Array.from(
        { length: plan.placeholders },
        (_, index) => names[index % Math.max(1, names.length)] ?? `item ${index + 1}`,
      ).map((name, index) => (index < names.length ? name : `${name} ${Math.floor(index / names.length) + 1}`))
    : [];
  const end = plan.exclamations ? '!' : '.';
  if (plan.language !== undefined) {
    return Array.from({ length: total }, (_, index) => {
      // Both responses read the bank from the same start, the second three sentences on: they always differ.
      let text = bankSentence(plan.language ?? '', index + part * 3, context.seed, `${context.key}:${label}`) ?? '';
      const extras = [
        ...keywords.filter((_term, order) => order % total === index),
        ...placeholders.filter((_name, order) => order % total === index).map((name) => `[${name}]`),
      ];
      if (extras.length > 0) text = text.replace(/([.!?।۔。]?)$/u, ` ${extras.join(' ')}$1`);
      if (decorated && index < plan.highlights)
        text = `*${text.replace(/[.!?।۔。]$/u, '')}*${text.match(/[.!?।۔。]$/u)?.[0] ?? ''}`;
      if (plan.exclamations) text = text.replace(/[.।۔。]?$/u, '!');
      if (decorated && index === 0 && plan.commas === 'force') text = text.replace(/^(\S+)\s/u, '$1, ');
      return text;
    });
  }
  const sentences: Sentence[] = Array.from({ length: total }, (_, index) =>
    englishSentence({
      seed: context.seed,
      key: `${key}:${index}`,
      topic: context.topic,
      filter: context.filter,
      commas: plan.commas === 'natural',
      clauses: knobs.clauses,
    }),
  );
  if (decorated) {
    decorate(sentences, { keywords, highlights: plan.highlights, placeholders, emphasis: knobs.emphasis });
    const first = sentences[0];
    if (first !== undefined && plan.commas === 'force' && first.opener === undefined) first.opener = 'In short';
  }
  return sentences.map((sentence) => sentenceText({ ...sentence, end }));
}

/** Splits `items` into `count` consecutive groups, none empty while there are items enough. */
export function groups<T>(items: readonly T[], count: number): T[][] {
  const result: T[][] = Array.from({ length: Math.max(1, count) }, () => []);
  items.forEach((item, index) => {
    result[Math.min(result.length - 1, Math.floor((index * result.length) / items.length))]?.push(item);
  });
  return result;
}

function titleText(plan: ResponsePlan, context: RenderContext): string {
  if (plan.language !== undefined) return LANGUAGE_BANKS[plan.language]?.title ?? 'Notes';
  const words = allowedPool(context.filter, context.topic).slice(0, 3);
  const chosen = words.length > 0 ? words : allowedPool(context.filter, NOUNS).slice(0, 2);
  return chosen.map((word) => word.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase())).join(' ') || 'Notes';
}

const CONSTRAINED = ['My answer is yes.', 'My answer is no.', 'My answer is maybe.'];

/**
 * One response: its lines and paragraphs joined, `total` body sentences long.
 * @example
 * renderPart(plan, context, { sentences: 6, clauses: 1, emphasis: 0 }, 0, 6);
 */
export function renderPart(
  plan: ResponsePlan,
  context: RenderContext,
  knobs: Knobs,
  part: number,
  total: number,
): string {
  const sentences = bodySentences(plan, context, knobs, part, total);
  const bulletCount = part === 0 ? (plan.bullets?.count ?? 0) : 0;
  const bullets = bodySentences(plan, context, knobs, part, bulletCount, 'bullet').map((text, index) =>
    plan.bullets?.numbered === true ? `${index + 1}. ${text}` : `* ${text}`,
  );
  const head: string[] = [];
  if (plan.title === 'angle') head.push(`<<${titleText(plan, context)}>>`);
  if (plan.title === 'markdown') head.push(`# ${titleText(plan, context)}`);
  if (part === 0 && plan.constrained !== 'none') {
    const choice =
      CONSTRAINED[seededIndex(CONSTRAINED.length, context.seed, context.key, 'answer')] ?? 'My answer is yes.';
    head.push(
      plan.constrained === 'exact' ? choice : choice.replace('My answer is', 'I would say').replace('.', ' overall.'),
    );
  }
  const hashtags =
    part === 0 && plan.hashtags > 0
      ? Array.from({ length: plan.hashtags }, (_, index) => {
          const pool = allowedPool(context.filter, [...context.topic, ...NOUNS]);
          return `#${(pool[index % Math.max(1, pool.length)] ?? 'tag').replace(/[^\p{L}\p{N}]/gu, '')}`;
        }).join(' ')
      : undefined;
  if (plan.nth !== undefined) {
    const paragraphs = groups(sentences, plan.nth.count).map((group) => group.join(' '));
    const nth = plan.nth.nth - 1;
    const target = paragraphs[nth];
    if (target !== undefined) {
      const word = plan.nth.word.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase());
      paragraphs[nth] = `${word} ${target.replace(/^\p{Lu}(?=\p{Ll})/u, (letter) => letter.toLowerCase())}`;
    }
    const extras = [...bullets, ...(hashtags === undefined ? [] : [hashtags])];
    if (extras.length > 0) paragraphs[paragraphs.length - 1] = [paragraphs.at(-1), ...extras].join('\n');
    if (head.length > 0) {
      if (nth === 0) paragraphs[0] = [paragraphs[0], ...head].join('\n');
      else paragraphs[0] = [...head, paragraphs[0]].join('\n');
    }
    return paragraphs.join('\n\n');
  }
  let blocks: string[];
  if (plan.sections !== undefined) {
    const { splitter } = plan.sections;
    blocks = groups(sentences, plan.sections.count).map(
      (group, index) => `${splitter} ${index + 1}\n${group.join(' ')}`,
    );
    if (bullets.length > 0) blocks[0] = [blocks[0], ...bullets].join('\n');
  } else if (plan.divided !== undefined) {
    const paragraphs = groups(sentences, plan.divided.count).map((group) => group.join(' '));
    const middle = Math.floor((paragraphs.length - 1) / 2);
    if (bullets.length > 0) paragraphs[middle] = [paragraphs[middle], ...bullets].join('\n');
    blocks = [paragraphs.join(plan.divided.divider === '***' ? '\n\n***\n\n' : '\n\n')];
  } else {
    const size = 3 + seededIndex(3, context.seed, context.key, 'paragraph');
    blocks = groups(sentences, Math.ceil(sentences.length / size)).map((group) => group.join(' '));
    if (bullets.length > 0) blocks.splice(1, 0, bullets.join('\n'));
  }
  if (hashtags !== undefined) blocks.push(hashtags);
  return [...head, ...blocks].join('\n\n');
}
