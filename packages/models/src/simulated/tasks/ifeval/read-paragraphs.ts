// Reads paragraph instructions: paragraphs split by *** dividers, and "paragraph N must start with word X".
import { type IfevalInstruction, instruction } from './ifeval-instruction.js';
import { COUNT, NUMBER, readNumber } from './read-count.js';

const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};
const ORDINAL = String.raw`(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|\d+(?:st|nd|rd|th))`;
/** Three asterisks alone (six are the two-responses separator), or the divider named in words. */
const DIVIDER = /(?<!\*)\*\*\*(?!\*)|markdown divider|\b(?:3|three) (?:asterisks?|aterisks?)\b/i;
const PARTS = `(?:paragraphs?|sections?|parts?|stanzas?|steps?|pieces?|chunks?|blocks?|scenes?)`;
const WORD = String.raw`(?:the\s+)?(?:word\s+)?["'“‘]?([A-Za-z]+)`;

function ordinal(word: string, total: number): number | undefined {
  const lower = word.toLowerCase();
  if (lower === 'last' || lower === 'final') return total;
  return ORDINALS[lower] ?? readNumber(lower.replace(/(?:st|nd|rd|th)$/, ''));
}

function paragraphCount(text: string): number | undefined {
  const match = new RegExp(String.raw`\b(${NUMBER})[\s-]+(?:[\w-]+\s+)?${PARTS}\b`, 'i').exec(text);
  return match === null ? undefined : readNumber(match[1] ?? '');
}

/**
 * `number_paragraphs` when the prompt asks for *** dividers: the stated count of paragraphs (sections, parts…),
 * else one more than the dividers an example shows, else two.
 * @example
 * readDividedParagraphs('Write exactly 4 paragraphs. Separate them with the markdown divider: ***')[0]?.kwargs;
 * // { num_paragraphs: 4 }
 */
export function readDividedParagraphs(text: string): IfevalInstruction[] {
  const divider = DIVIDER.exec(text);
  if (divider === null) return [];
  const shown = text.match(/^\s*\*\*\*\s*$/gm)?.length ?? 0;
  const count = paragraphCount(text) ?? (shown >= 1 ? shown + 1 : 2);
  return [instruction('length_constraints:number_paragraphs', { num_paragraphs: count }, divider.index)];
}

/**
 * `nth_paragraph_first_word`: "the second paragraph must start with the word President".
 * @example
 * readNthParagraph('Write exactly 4 paragraphs. Start the 4th paragraph with the word "elm".')[0]?.kwargs;
 * // { first_word: 'elm', num_paragraphs: 4, nth_paragraph: 4 }
 */
export function readNthParagraph(text: string): IfevalInstruction[] {
  const patterns = [
    new RegExp(
      String.raw`\b(${ORDINAL})\s+paragraph\s+(?:must\s+|should\s+|has to\s+|needs to\s+|will\s+)?(?:start|begin)s?\s+with\s+${WORD}`,
      'i',
    ),
    new RegExp(
      String.raw`\bparagraph\s+(\d+|${COUNT})\s+(?:must\s+|should\s+|has to\s+|needs to\s+|will\s+)?(?:start|begin)s?\s+with\s+${WORD}`,
      'i',
    ),
    new RegExp(String.raw`\b(?:start|begin)\s+(?:the\s+)?(${ORDINAL})\s+paragraph\s+with\s+${WORD}`, 'i'),
    new RegExp(String.raw`\b(?:start|begin)\s+paragraph\s+(\d+|${COUNT})\s+with\s+${WORD}`, 'i'),
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match === null) continue;
    const total = paragraphCount(text) ?? 1;
    const nth = ordinal(match[1] ?? '', total) ?? 1;
    const firstWord = (match[2] ?? '').toLowerCase();
    return [
      instruction(
        'length_constraints:nth_paragraph_first_word',
        { first_word: firstWord, num_paragraphs: Math.max(total, nth), nth_paragraph: nth },
        match.index,
      ),
    ];
  }
  return [];
}
