// Splits a prompt into the page to mark up, the instruction text, and the JSON written in the prompt.
import type { PromptMessage } from '../../prompt-messages.js';
import { findJsonBlocks, type JsonObject } from './find-json-blocks.js';

export interface LocatedPrompt {
  /** The page to mark up: the last HTML document of the last user message that has one ('' when none). */
  readonly pageHtml: string;
  /** Everything a reader takes as instructions: the prompt without pages and JSON objects. */
  readonly instructionText: string;
  /** JSON objects written in the prompt (few-shot answers, templates, JSON schemas), in order. */
  readonly jsonObjects: readonly JsonObject[];
}

const DOCUMENT_START = /<!doctype html|<html[\s>]/gi;
const WHOLE_DOCUMENT = /(?:<!doctype html[^>]*>\s*)?<html[\s>][\s\S]*?(?:<\/html>|$)/gi;

/** The last HTML document in the text: from its last start to its `</html>` (or the end, for truncated pages). */
function lastDocument(text: string): { start: number; end: number } | undefined {
  const start = [...text.matchAll(DOCUMENT_START)].at(-1)?.index;
  if (start === undefined) {
    // A fragment without <html>: take the span from the first tag to the last one if it looks like markup.
    const tags = [...text.matchAll(/<\/?[a-z][a-z0-9]*\b[^>]*>/gi)];
    const first = tags[0];
    const last = tags.at(-1);
    if (tags.length < 3 || first === undefined || last === undefined) return undefined;
    return { start: first.index, end: last.index + last[0].length };
  }
  const close = text.toLowerCase().indexOf('</html>', start);
  return { start, end: close === -1 ? text.length : close + '</html>'.length };
}

/**
 * @example
 * locatePage([{ role: 'user', text: 'Mark up:\n<html><body><h1>Soup</h1></body></html>' }]).pageHtml;
 * // '<html><body><h1>Soup</h1></body></html>'
 */
export function locatePage(messages: readonly PromptMessage[]): LocatedPrompt {
  const texts = messages.map((message) => message.text);
  const candidates = [...messages.keys()].reverse().sort((a, b) => rank(messages[a]) - rank(messages[b]));
  let pageHtml = '';
  for (const index of candidates) {
    const text = texts[index] ?? '';
    const span = lastDocument(text);
    if (span === undefined) continue;
    pageHtml = text.slice(span.start, span.end);
    texts[index] = `${text.slice(0, span.start)}\n[page]\n${text.slice(span.end)}`;
    break;
  }
  // Example pages elsewhere in the prompt are neither the page nor instructions.
  const withoutPages = texts.map((text) => text.replace(WHOLE_DOCUMENT, '\n[example page]\n')).join('\n\n');
  const blocks = findJsonBlocks(withoutPages);
  let instructionText = withoutPages;
  for (const block of [...blocks].reverse()) {
    instructionText = `${instructionText.slice(0, block.start)}[json]${instructionText.slice(block.end)}`;
  }
  return { pageHtml, instructionText, jsonObjects: blocks.map((block) => block.value) };
}

/** User messages are searched first, latest first; then the others. */
function rank(message: PromptMessage | undefined): number {
  return message?.role === 'user' ? 0 : 1;
}
