// Turns a finished answer into the AI SDK stream parts a streaming provider would send.
import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';

/** Words per text-delta: small enough to look like streaming, large enough to keep streams short. */
const WORDS_PER_DELTA = 4;

/**
 * The text cut into deltas at word boundaries; joined, they give the text back exactly.
 *
 * @example
 * textDeltas('one two three four five'); // ['one two three four ', 'five']
 */
export function textDeltas(text: string): string[] {
  const words = text.match(/\s*\S+\s*/g) ?? (text.length > 0 ? [text] : []);
  const deltas: string[] = [];
  for (let index = 0; index < words.length; index += WORDS_PER_DELTA)
    deltas.push(words.slice(index, index + WORDS_PER_DELTA).join(''));
  return deltas;
}

/**
 * A ReadableStream of the parts, in the order providers send them.
 *
 * @example
 * const stream = streamOf([{ type: 'stream-start', warnings: [] }]);
 */
export function streamOf(parts: readonly LanguageModelV3StreamPart[]): ReadableStream<LanguageModelV3StreamPart> {
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
}
