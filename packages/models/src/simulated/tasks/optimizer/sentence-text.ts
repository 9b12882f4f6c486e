// Sentences of a prompt part: splitting, normalizing, finishing, and appending new ones without duplicates.

/**
 * Sentences of a text: within each line, runs ending in `.`, `!` or `?` followed by whitespace or the line's end.
 * @example
 * splitSentences('Extract the entity. Answer in JSON.\nBe brief'); // ['Extract the entity.', 'Answer in JSON.', 'Be brief']
 */
export function splitSentences(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) =>
      mergeAbbreviations([...line.matchAll(/\S.*?(?:[.!?]+(?=\s|$)|$)/g)].map((match) => match[0].trim())),
    )
    .filter((sentence) => sentence !== '');
}

/** Abbreviations whose full stop does not end a sentence ("e.g. Recipe", "i.e. the page"). */
export const ABBREVIATION = /\b(?:e\.g|i\.e|etc|vs|cf|approx|incl|resp)\.$/i;

/** Glues a fragment ending in an abbreviation to the one after it. */
function mergeAbbreviations(fragments: readonly string[]): string[] {
  const merged: string[] = [];
  for (const fragment of fragments) {
    const last = merged.at(-1);
    if (last !== undefined && ABBREVIATION.test(last)) merged[merged.length - 1] = `${last} ${fragment}`;
    else merged.push(fragment);
  }
  return merged;
}

/**
 * The comparable form of a text: lower case, words only (`@`, `$`, `_` and `-` inside words kept), single spaces.
 * @example
 * normalizeText('Answer with JSON only: no prose!'); // 'answer with json only no prose'
 */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}@$_-]+/u)
    .filter((word) => /[\p{L}\p{N}@$]/u.test(word))
    .join(' ');
}

/**
 * A sentence as written into a prompt: single spaces, a capital first letter, one final punctuation mark.
 * @example
 * finishSentence('answer in json'); // 'Answer in json.'
 */
export function finishSentence(text: string): string {
  const body = text.trim().replace(/\s+/g, ' ');
  if (body === '') return '';
  const capital = body.charAt(0).toUpperCase() + body.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** Whether the text already says this sentence (its normalized words appear in a row). */
export function alreadySays(text: string, sentence: string): boolean {
  const words = normalizeText(sentence);
  return words !== '' && ` ${normalizeText(text)} `.includes(` ${words} `);
}

/**
 * The text with the sentences appended, one a line, everything before kept verbatim (trailing spaces aside).
 * @example
 * appendSentences('Extract the entity.', ['Answer in JSON.']); // 'Extract the entity.\nAnswer in JSON.'
 */
export function appendSentences(text: string, sentences: readonly string[]): string {
  if (sentences.length === 0) return text;
  // One sentence a line, as people keep instruction lists: two edits appended to the same prompt then merge cleanly.
  const added = sentences.join('\n');
  if (text.trim() === '') return `${text}${added}`;
  return `${text.replace(/[ \t]+$/, '')}${text.endsWith('\n') ? '' : '\n'}${added}`;
}
