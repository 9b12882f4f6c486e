// Puts what the plan asks for into the body's sentences: keywords, highlights, placeholders, ALL-CAPS emphasis.
import type { Sentence } from './compose-sentence.js';

export interface Decorations {
  /** Keyword occurrences, in order: one term per occurrence. */
  readonly keywords: readonly string[];
  readonly highlights: number;
  /** Placeholder names, one per placeholder. */
  readonly placeholders: readonly string[];
  readonly emphasis: number;
}

function insertKeyword(sentence: Sentence, term: string, round: number): void {
  if (round === 0) sentence.words[sentence.subject] = term;
  else if (round === 1) sentence.words[sentence.object[1]] = term;
  else sentence.words.push('and', 'the', term);
}

function emphasize(sentence: Sentence, round: number): boolean {
  const positions = [sentence.subject + 1, sentence.object[1], sentence.subject];
  const position = positions[round];
  const word = position === undefined ? undefined : sentence.words[position];
  if (position === undefined || word === undefined || !/^\p{Ll}[\p{L}'-]*$/u.test(word)) return false;
  sentence.words[position] = word.toUpperCase();
  return true;
}

/**
 * Decorates English sentences in place, spreading each decoration over the sentences in turn.
 * @example
 * decorate(sentences, { keywords: ['peace', 'peace'], highlights: 1, placeholders: ['name'], emphasis: 0 });
 */
export function decorate(sentences: Sentence[], decorations: Decorations): void {
  const total = sentences.length;
  if (total === 0) return;
  decorations.keywords.forEach((term, index) => {
    const sentence = sentences[index % total];
    if (sentence !== undefined) insertKeyword(sentence, term, Math.floor(index / total));
  });
  for (let index = 0; index < decorations.highlights; index++) {
    const sentence = sentences[index % total];
    if (sentence === undefined) continue;
    if (index < total) {
      const [start, end] = sentence.object;
      sentence.words[start] = `*${sentence.words[start]}`;
      sentence.words[end] = `${sentence.words[end]}*`;
    } else {
      sentence.words.push('with', `*${sentence.words[sentence.subject]?.replaceAll('*', '') ?? 'care'}*`);
    }
  }
  decorations.placeholders.forEach((name, index) => {
    sentences[index % total]?.words.push(index < total ? 'for' : 'and', `[${name}]`);
  });
  let emphasized = 0;
  for (let round = 0; round < 3 && emphasized < decorations.emphasis; round++) {
    for (const sentence of sentences) {
      if (emphasized >= decorations.emphasis) break;
      if (emphasize(sentence, round)) emphasized += 1;
    }
  }
}

/**
 * Writes a decorated sentence: opener, words, end mark, first letter capitalised.
 * @example
 * sentenceText({ words: ['the', 'plan', 'works'], subject: 1, object: [2, 2], opener: 'In short', end: '.' }); // 'In short, the plan works.'
 */
export function sentenceText(sentence: Sentence): string {
  const body = sentence.words.join(' ');
  const text = sentence.opener === undefined ? body : `${sentence.opener}, ${body}`;
  return `${text.replace(/\p{L}/u, (letter) => letter.toUpperCase())}${sentence.end}`;
}
