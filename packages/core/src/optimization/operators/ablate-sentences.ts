// Operator: candidates that each drop one sentence of the system message, to cut prompt tokens.
import type { PromptContent } from '../../prompts/prompt.js';
import {
  type EditPart,
  makeEdit,
  type OperatorOptions,
  type PromptCandidate,
  systemText,
  withSystemText,
} from './candidate.js';

export const ABLATE_SENTENCE = 'ablate-sentence';

interface Sentence {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Sentences of a text: within each line, runs ending in `.`, `!` or `?` followed by whitespace or the line's end. */
export function splitSentences(text: string): string[] {
  return findSentences(text.split('\n')).map((sentence) => sentence.text);
}

function findSentences(lines: readonly string[]): Sentence[] {
  const sentences: Sentence[] = [];
  lines.forEach((line, lineIndex) => {
    for (const match of line.matchAll(/\S.*?(?:[.!?]+(?=\s|$)|$)/g)) {
      const start = match.index;
      sentences.push({ line: lineIndex, start, end: start + match[0].length, text: match[0] });
    }
  });
  return sentences;
}

function removeSentence(lines: readonly string[], sentence: Sentence): string {
  const out: string[] = [];
  lines.forEach((line, index) => {
    if (index !== sentence.line) {
      out.push(line);
      return;
    }
    const before = line.slice(0, sentence.start);
    const after = line.slice(sentence.end).replace(/^\s+/, '');
    const joined = after === '' ? before.replace(/\s+$/, '') : `${before}${after}`;
    if (joined.trim() !== '') out.push(joined);
  });
  return out.join('\n');
}

/**
 * One candidate per removable sentence of the system message (of the template itself for a single text template,
 * edited as part `user`). A sentence holding a `{{variable}}` is never removed, and at least one sentence is kept:
 * a text with one sentence gives no candidate.
 */
export function ablateSentences(content: PromptContent, options?: OperatorOptions): PromptCandidate[] {
  const isText = typeof content.template === 'string';
  const text = typeof content.template === 'string' ? content.template : systemText(content);
  if (text === null) return [];
  const lines = text.split('\n');
  const sentences = findSentences(lines);
  if (sentences.length < 2) return [];
  const part: EditPart = isText ? 'user' : 'system';
  const candidates: PromptCandidate[] = [];
  for (const sentence of sentences) {
    if (sentence.text.includes('{{')) continue;
    const next = removeSentence(lines, sentence);
    const nextContent: PromptContent = isText ? { ...content, template: next } : withSystemText(content, next);
    candidates.push({
      content: nextContent,
      edit: makeEdit(part, ABLATE_SENTENCE, `Remove sentence: ${sentence.text}`, options),
    });
  }
  return candidates;
}

/**
 * One candidate without the system sentences numbered `from` (inclusive) to `to` (exclusive), counted as
 * `splitSentences` counts them; sentences holding a `{{variable}}` stay. Null when nothing would be removed or
 * nothing would be left. Removing blocks finds a padded prompt's dead weight in far fewer tries than one sentence at
 * a time.
 * @example
 * ablateSentenceBlock(content, 0, 10); // drops the first ten sentences of the system message
 */
export function ablateSentenceBlock(
  content: PromptContent,
  from: number,
  to: number,
  options?: OperatorOptions,
): PromptCandidate | null {
  const isText = typeof content.template === 'string';
  const original = typeof content.template === 'string' ? content.template : systemText(content);
  if (original === null) return null;
  const all = findSentences(original.split('\n'));
  const doomed = all
    .map((sentence, index) => ({ sentence, index }))
    .filter(({ sentence, index }) => index >= from && index < to && !sentence.text.includes('{{'));
  if (doomed.length === 0 || doomed.length >= all.length) return null;
  let text = original;
  // From the last to the first, so the positions of the sentences still to remove do not move.
  for (const { index } of [...doomed].reverse()) {
    const lines = text.split('\n');
    const sentence = findSentences(lines)[index];
    if (sentence === undefined) continue;
    text = removeSentence(lines, sentence);
  }
  const part: EditPart = isText ? 'user' : 'system';
  const next: PromptContent = isText ? { ...content, template: text } : withSystemText(content, text);
  return {
    content: next,
    edit: makeEdit(
      part,
      ABLATE_SENTENCE,
      `Remove sentences ${from + 1}–${Math.min(to, all.length)} of ${all.length}`,
      options,
    ),
  };
}
