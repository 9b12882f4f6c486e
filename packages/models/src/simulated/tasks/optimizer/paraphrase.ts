// A loose paraphrase: keeps an instruction's gist, drops the author's detail, rewords the opening.
import { capitalize, lowerFirst } from './english-words.js';
import type { Pick } from './pick.js';
import { finishSentence } from './sentence-text.js';

/** Wrappers for an imperative; negative ones ("Do not…", "Never…") get their own, so no "Remember to do not". */
const POSITIVE = ['Please {i}', 'Remember to {i}', 'Important: {i}', 'You should {i}'] as const;
const NEGATIVE = ['Please {i}', 'Remember: {i}', 'Important: {i}'] as const;

/**
 * The sentence without what follows its first colon, dash, semicolon or parenthesis, reworded by a wrapper chosen
 * by hash. Sentences that are not imperatives ("Make sure…", "Your answer must…") only lose their detail.
 * @example
 * looseParaphrase('Answer with JSON only: no prose, no markdown fences.', pick, 'json'); // e.g. 'Remember to answer with JSON only.'
 */
export function looseParaphrase(sentence: string, pick: Pick, tag: string): string {
  const gist = sentence
    .replace(/\s*(?::\s|\s[-–—]\s|;|\().*$/s, '')
    .replace(/[.!?]+$/, '')
    .trim();
  const core = gist === '' ? sentence.replace(/[.!?]+$/, '') : gist;
  if (/^(?:make sure|ensure|check|your answer|pay close|before answering|always|important)\b/i.test(core)) {
    return finishSentence(core);
  }
  const negative = /^(?:do not|don't|never|avoid|leave out)\b/i.test(core);
  const wrapper = negative
    ? pick.one(NEGATIVE, 'paraphrase-wrapper', tag)
    : pick.one(POSITIVE, 'paraphrase-wrapper', tag);
  const body = wrapper.startsWith('Important') ? capitalize(core) : lowerFirst(core);
  return finishSentence(wrapper.replace('{i}', body));
}
