// Reads instructions about the whole response: repeat the request first, two responses, an end phrase, quotes, JSON.
import { detectInstruction } from '../../instructions/detect-instruction.js';
import { type IfevalInstruction, instruction } from './ifeval-instruction.js';
import { JSON_FORMAT, QUOTATION } from './request-families.js';

const REPEAT_CUE =
  /\b(?:repeat|repleat)\b[^.\n]{0,60}\b(?:request|prompt|sentence|line|question|text|it|above|below)\b|\brepeat\s+["“]/i;

/**
 * The request to repeat: the text before the repeat instruction, or after it when the instruction comes first.
 * @example
 * requestToRepeat('Write a haiku.\nFirst repeat the request word for word, then give your answer.'); // 'Write a haiku.'
 */
export function requestToRepeat(text: string): string | undefined {
  const lines = text.split('\n');
  const cue = lines.findIndex((line) => REPEAT_CUE.test(line));
  if (cue < 0) return undefined;
  const before = lines.slice(0, cue).join('\n').trim();
  if (before.length > 0) return before;
  let end = cue;
  while (end < lines.length && (lines[end] ?? '').trim() !== '') end += 1;
  const after = lines.slice(end).join('\n').trim();
  return after.length > 0 ? after : undefined;
}

/**
 * `combination:repeat_prompt`.
 * @example
 * readRepeatPrompt('Write a haiku.\nFirst repeat the request word for word, then answer.')[0]?.kwargs;
 * // { prompt_to_repeat: 'Write a haiku.' }
 */
export function readRepeatPrompt(text: string): IfevalInstruction[] {
  const request = requestToRepeat(text);
  const cue = REPEAT_CUE.exec(text);
  return request === undefined || cue === null
    ? []
    : [instruction('combination:repeat_prompt', { prompt_to_repeat: request }, cue.index)];
}

/**
 * `combination:two_responses`: "give exactly two different responses separated by 6 asterisk symbols ******".
 * @example
 * readTwoResponses('Give two different responses separated by ******.').length; // 1
 */
export function readTwoResponses(text: string): IfevalInstruction[] {
  const match = /\*{6}|\b(?:6|six)\s+asterisks?/i.exec(text);
  return match === null ? [] : [instruction('combination:two_responses', {}, match.index)];
}

const QUOTED_PHRASE = String.raw`(?:"([^"\n]+)"|“([^”\n]+)”|'([^'\n]+?)'(?=[\s.,;]|$))`;
const END_CUES = [
  String.raw`\b(?:end|finish|conclude|close)\s+(?:your\s+(?:\w+\s+){0,2}|it\s+|the\s+(?:\w+\s+){1,2}|each\s+\w+\s+)?with\b\s*(?:exactly\s+)?(?:the\s+|this\s+|a\s+)?(?:exact\s+)?(?:phrase|sentence|words?|line|question)?\s*(?:of\s+)?`,
  String.raw`\b(?:must|should)\s+end\s+with\s+(?:the\s+|this\s+)?(?:exact\s+)?(?:phrase|sentence|words?)?\s*`,
  String.raw`\b(?:very\s+)?last\s+(?:sentence|line|words?)\s+of\s+your\s+\w+\s+(?:should|must)\s+be\s*`,
  String.raw`\b(?:very\s+)?end\s+of\s+your\s+(?:\w+\s+)?(?:response|answer|reply)\s+(?:should|must)\s+(?:read|be)\s*(?:exactly\s+)?(?:like\s*)?`,
];
/** "end with the exact phrase Is there anything else I can help with?": an unquoted phrase to the sentence end. */
const BARE_PHRASE = String.raw`(?<=\bphrase\s)([A-Z][^\n"]*?[.?!])(?=\s|$)`;

/**
 * `startend:end_checker`: "end your response with the exact phrase "Is there anything else I can help with?"".
 * @example
 * readEndPhrase('Please end with: That is all you need!')[0]?.kwargs; // { end_phrase: 'That is all you need!' }
 */
export function readEndPhrase(text: string): IfevalInstruction[] {
  for (const cue of END_CUES) {
    const quoted = new RegExp(`${cue}[:,]?\\s*${QUOTED_PHRASE}`, 'i').exec(text);
    if (quoted !== null) {
      const phrase = (quoted[1] ?? quoted[2] ?? quoted[3] ?? '').trim();
      if (phrase.length > 0) return [instruction('startend:end_checker', { end_phrase: phrase }, quoted.index)];
    }
    const colon =
      new RegExp(`${cue}:\\s*([^\\n]+)`, 'i').exec(text) ?? new RegExp(`${cue}${BARE_PHRASE}`, 'i').exec(text);
    if (colon !== null) {
      const phrase = (colon[1] ?? '').trim();
      if (phrase.length > 0) return [instruction('startend:end_checker', { end_phrase: phrase }, colon.index)];
    }
  }
  return [];
}

/**
 * `startend:quotation` and `detectable_format:json_format`, read with the shared detector so "do not use JSON" is
 * not a request for JSON.
 * @example
 * readWrappers('Wrap your entire response with double quotation marks.').map((found) => found.id); // ['startend:quotation']
 */
export function readWrappers(text: string): IfevalInstruction[] {
  const found: IfevalInstruction[] = [];
  if (detectInstruction(text, QUOTATION)) {
    found.push(instruction('startend:quotation', {}, Math.max(0, text.search(/double\s+quot/i))));
  }
  if (detectInstruction(text, JSON_FORMAT))
    found.push(instruction('detectable_format:json_format', {}, Math.max(0, text.search(/json/i))));
  return found;
}
