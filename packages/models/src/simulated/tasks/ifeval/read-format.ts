// Reads markdown-format instructions: bullets, highlights, SECTION X markers, placeholders, postscripts, and more.
import { type IfevalInstruction, instruction } from './ifeval-instruction.js';
import { COUNT, NUMBER, readNumber } from './read-count.js';

const SENTENCES = /[^.!?\n]+(?:[.!?](?=\w)[^.!?\n]*)*[.!?]?/g;

function sentencesOf(text: string): { text: string; at: number }[] {
  return [...text.matchAll(SENTENCES)].map((match) => ({ text: match[0], at: match.index }));
}

/**
 * `detectable_format:number_bullet_lists`: "exactly 3 bullet points"; "put the names into bullet points" takes the
 * count of "exactly N" items the prompt asks for.
 * @example
 * readBullets('Your answer must contain exactly 4 bullet points.')[0]?.kwargs; // { num_bullets: 4 }
 */
export function readBullets(text: string): IfevalInstruction[] {
  const stated = new RegExp(
    String.raw`\b(${NUMBER})\s+(?:[\w-]+\s+){0,2}?(?:markdown\s+)?bullet(?:\s*points?|s)?\b`,
    'i',
  ).exec(text);
  if (stated !== null && readNumber(stated[1] ?? '') !== undefined) {
    return [
      instruction(
        'detectable_format:number_bullet_lists',
        { num_bullets: readNumber(stated[1] ?? '') ?? 1 },
        stated.index,
      ),
    ];
  }
  const mention = /\bbullet/i.exec(text);
  const items = new RegExp(String.raw`\bexactly\s+(${COUNT})\b`, 'i').exec(text);
  if (mention === null || items === null) return [];
  return [
    instruction(
      'detectable_format:number_bullet_lists',
      { num_bullets: readNumber(items[1] ?? '') ?? 1 },
      mention.index,
    ),
  ];
}

/**
 * `detectable_format:number_highlighted_sections`: "highlight at least 3 sections with markdown, i.e. *highlighted*".
 * @example
 * readHighlights('Highlight at least 2 sections in your answer with markdown, i.e. *highlighted section*.')[0]?.kwargs;
 * // { num_highlights: 2 }
 */
export function readHighlights(text: string): IfevalInstruction[] {
  const sentences = sentencesOf(text);
  for (const [index, sentence] of sentences.entries()) {
    if (!/\b(?:highlight|italici[sz]e|italic)/i.test(sentence.text)) continue;
    const near = `${sentences[index - 1]?.text ?? ''} ${sentence.text} ${sentences[index + 1]?.text ?? ''}`;
    if (!/\*[^*\n]+\*|markdown|asterisk|italic/i.test(`${sentence.text} ${sentences[index + 1]?.text ?? ''}`)) continue;
    const count =
      new RegExp(
        String.raw`\b(${COUNT})\s+(?:of\s+(?:your|the)\s+)?(?:[\w-]+\s+){0,2}?(?:sections?|parts?|words?|phrases?|texts?|spans?|names?|keywords?)\b`,
        'i',
      ).exec(sentence.text) ??
      new RegExp(String.raw`\b(${NUMBER})\s+(?:or more\s+)?(?:[\w-]+\s+){0,2}?(?:sections?|parts?)\b`, 'i').exec(near);
    const twice = /\btwice\b/i.test(sentence.text) ? 2 : undefined;
    const value = readNumber(count?.[1] ?? '') ?? twice ?? 1;
    return [instruction('detectable_format:number_highlighted_sections', { num_highlights: value }, sentence.at)];
  }
  return [];
}

/**
 * `detectable_format:multiple_sections`: "3 sections, mark the beginning of each section with SECTION X".
 * @example
 * readSections('Your response must contain 3 sections. Mark the beginning of each section with SECTION X.')[0]?.kwargs;
 * // { section_spliter: 'SECTION', num_sections: 3 }
 */
export function readSections(text: string): IfevalInstruction[] {
  const marker =
    /\b(?:with|as|by|using|label(?:led)?|marked|mark|start(?:ing)?|noted|begin(?:ning)?)\s+["'“‘]?([A-Z][A-Za-z]*)\s+(?:X|\{?x\}?)\b/.exec(
      text,
    ) ?? /["'“‘(]?\b([A-Z][A-Za-z]*) 1["'”’]?,?\s+and\s+["'“‘]?\1 2\b/.exec(text);
  if (marker === null) return [];
  const splitter = marker[1] ?? 'SECTION';
  const nouns = ['sections?', 'paragraphs?|parts?', 'days?|advertisements?|versions?', `${splitter}s?`];
  const count = nouns
    .map((noun) => new RegExp(String.raw`\b(${NUMBER})[\s-]+(?:[\w-]+\s+)?(?:${noun})\b`, 'i').exec(text))
    .find((match) => match !== null);
  const explicit = /\b1["'”’]?,?\s+and\s+["'“‘]?\w+ 2\b/.test(marker[0]) ? 2 : undefined;
  return [
    instruction(
      'detectable_format:multiple_sections',
      { section_spliter: splitter, num_sections: readNumber(count?.[1] ?? '') ?? explicit ?? 2 },
      marker.index,
    ),
  ];
}

/**
 * `detectable_content:number_placeholders`: "at least 3 placeholders represented by square brackets".
 * @example
 * readPlaceholders('Include at least five placeholder represented by square brackets, such as [website].')[0]?.kwargs;
 * // { num_placeholders: 5 }
 */
export function readPlaceholders(text: string): IfevalInstruction[] {
  const mention = /\bplaceholders?\b/i.exec(text);
  if (mention === null) return [];
  const count = new RegExp(String.raw`\b(${COUNT})\s+placeholders?\b`, 'i').exec(text);
  return [
    instruction(
      'detectable_content:number_placeholders',
      { num_placeholders: readNumber(count?.[1] ?? '') ?? 1 },
      mention.index,
    ),
  ];
}

/**
 * `detectable_content:postscript`: "add a postscript starting with P.S." (the marker is P.S. or P.P.S).
 * @example
 * readPostscript('At the end of your response, please add a postscript starting with P.P.S')[0]?.kwargs;
 * // { postscript_marker: 'P.P.S' }
 */
export function readPostscript(text: string): IfevalInstruction[] {
  const double = /\bP\.\s?P\.\s?S\b/.exec(text);
  const single = /\bP\.\s?S\./.exec(text);
  const marker = double ?? single;
  if (marker === null && !/\bpost\s?-?script\b/i.test(text)) return [];
  return [
    instruction(
      'detectable_content:postscript',
      { postscript_marker: double !== null ? 'P.P.S' : 'P.S.' },
      marker?.index ?? /\bpost\s?-?script\b/i.exec(text)?.index ?? 0,
    ),
  ];
}

/**
 * `detectable_format:constrained_response`: the prompt offers "My answer is yes./no./maybe.".
 * @example
 * readConstrainedResponse('Answer with one of: "My answer is yes.", "My answer is no.", "My answer is maybe."').length; // 1
 */
export function readConstrainedResponse(text: string): IfevalInstruction[] {
  const match = /My answer is (?:yes|no|maybe)/.exec(text);
  return match === null ? [] : [instruction('detectable_format:constrained_response', {}, match.index)];
}

/**
 * `detectable_format:title`: a title in double angular brackets, <<like this>>.
 * @example
 * readTitle('Include a title wrapped in double angular brackets, i.e. <<title>>.').length; // 1
 */
export function readTitle(text: string): IfevalInstruction[] {
  const match = /<<[^<>\n]*>>|double angular brackets|double angle brackets/i.exec(text);
  return match === null ? [] : [instruction('detectable_format:title', {}, match.index)];
}
