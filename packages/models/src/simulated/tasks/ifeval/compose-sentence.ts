// Composes one sentence: English from the topic words and the filler vocabulary, or a sentence of the language bank.
import { seededIndex, seededUnit } from '../../seeded-hash.js';
import { LANGUAGE_BANKS } from './language-bank.js';
import {
  ADJECTIVES,
  COMMA_OPENERS,
  LETTER_WORDS,
  NOUNS,
  OBJECT_DETERMINERS,
  SUBJECT_DETERMINERS,
  TAILS,
  VERBS,
} from './vocabulary.js';
import { allowedPool, type WordFilter } from './word-filter.js';

/** A sentence as words, with the spans later steps decorate (highlight the object, put a keyword in as subject). */
export interface Sentence {
  readonly words: string[];
  /** Index of the subject noun, which a keyword may replace. */
  readonly subject: number;
  /** Inclusive span of the object phrase, which a highlight may wrap. */
  readonly object: readonly [number, number];
  /** A leading phrase with a comma ("In short, …"); set where a violated "no commas" needs one. */
  opener: string | undefined;
  end: '.' | '!';
}

export interface SentenceContext {
  readonly seed: number;
  /** Distinguishes sentences: the prompt, the response part, the sentence number. */
  readonly key: string;
  readonly topic: readonly string[];
  readonly filter: WordFilter;
  /** Whether an opener with a comma may be used ("In short, …"). */
  readonly commas: boolean;
  /** Clauses joined by "and": more words per sentence without more sentences. */
  readonly clauses: number;
}

function pick(pool: readonly string[], context: SentenceContext, slot: string): string | undefined {
  if (pool.length === 0) return undefined;
  return pool[seededIndex(pool.length, context.seed, context.key, slot)];
}

function letterPool(context: SentenceContext): string[] {
  return context.filter.preferLetters.flatMap((letter) => (LETTER_WORDS[letter] ?? '').split(' ')).filter(Boolean);
}

function noun(context: SentenceContext, slot: string): string {
  const topic = allowedPool(context.filter, context.topic);
  const useTopic = topic.length > 0 && seededUnit(context.seed, context.key, slot, 'topic') < 0.45;
  const pool = useTopic
    ? topic
    : allowedPool(context.filter, [...NOUNS, ...letterPool(context).filter((word) => NOUNS.includes(word))]);
  return pick(pool, context, slot) ?? pick(allowedPool(context.filter, NOUNS), context, `${slot}'`) ?? 'way';
}

function clause(
  context: SentenceContext,
  index: number,
  words: string[],
): { subject: number; object: [number, number] } {
  const slot = (name: string) => `${name}${index}`;
  const optional = (pool: readonly string[], name: string, chance: number) =>
    seededUnit(context.seed, context.key, slot(name), 'use') < chance
      ? pick(allowedPool(context.filter, pool), context, slot(name))
      : undefined;
  const push = (word: string | undefined) => {
    if (word !== undefined) words.push(...word.split(' '));
  };
  push(pick(allowedPool(context.filter, SUBJECT_DETERMINERS), context, slot('det')));
  push(optional(ADJECTIVES, 'adj', 0.35));
  const subject = words.length;
  push(noun(context, slot('noun')));
  push(pick(allowedPool(context.filter, VERBS), context, slot('verb')));
  const objectStart = words.length;
  push(pick(allowedPool(context.filter, OBJECT_DETERMINERS), context, slot('det2')));
  push(optional([...ADJECTIVES, ...letterPool(context)], 'adj2', 0.5));
  push(noun(context, slot('object')));
  const objectEnd = words.length - 1;
  push(optional(TAILS, 'tail', 0.55));
  return { subject, object: [objectStart, objectEnd] };
}

/**
 * An English sentence about the topic: determiner, noun, verb, object phrase, tail; clauses joined by "and".
 * @example
 * englishSentence({ seed: 0, key: 'p1:0', topic: ['haiku'], filter: NO_FILTER, commas: true, clauses: 1 }).words;
 * // e.g. ['the', 'haiku', 'shapes', 'some', 'clear', 'idea', 'today']
 */
export function englishSentence(context: SentenceContext): Sentence {
  const words: string[] = [];
  let first: { subject: number; object: [number, number] } | undefined;
  for (let index = 0; index < Math.max(1, context.clauses); index++) {
    if (index > 0) words.push('and');
    const spans = clause(context, index, words);
    first ??= spans;
  }
  const opener =
    context.commas && seededUnit(context.seed, context.key, 'opener') < 0.3
      ? pick(allowedPool(context.filter, COMMA_OPENERS), context, 'opener-word')
      : undefined;
  return { words, subject: first?.subject ?? 0, object: first?.object ?? [0, 0], opener, end: '.' };
}

/**
 * The `index`-th sentence of the language bank for `language`, starting at an offset chosen by the seed.
 * @example
 * bankSentence('de', 0, 0, 'prompt'); // one of the German sentences
 */
export function bankSentence(language: string, index: number, seed: number, key: string): string | undefined {
  const sentences = LANGUAGE_BANKS[language]?.sentences;
  if (sentences === undefined || sentences.length === 0) return undefined;
  const offset = seededIndex(sentences.length, seed, key, 'bank');
  return sentences[(offset + index) % sentences.length];
}
