// Reads a page section's items: the ingredients under "Ingredients", the steps under "Instructions".
import type { PageLine } from './read-html.js';

export const INGREDIENTS_HEADING =
  /^(?:ingredients?|zutaten|ingrédients|ingredientes|ingredienti|składniki|ingrediënten|ingredienser)\b/i;
export const INSTRUCTIONS_HEADING =
  /^(?:instructions|directions|method|preparation|steps|how to make( it)?|zubereitung|préparation|preparación|preparazione|procedimento|przygotowanie|bereiding|instructions:)\b/i;

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'th', 'caption', 'summary']);
const MAX_ITEMS = 40;

/** A line that opens a section: a heading element, or a short line ending with ':' ("Ingredients:"). */
function isHeading(line: PageLine): boolean {
  return HEADING_TAGS.has(line.tag) || (line.text.length <= 40 && line.text.endsWith(':'));
}

/**
 * The items of the first section whose heading matches: its list items (or "- " lines), else its paragraphs.
 *
 * @example
 * readSection([{ text: 'Ingredients:', tag: 'p', chrome: false }, { text: '1 egg', tag: 'li', chrome: false }], INGREDIENTS_HEADING);
 * // ['1 egg']
 */
export function readSection(lines: readonly PageLine[], heading: RegExp): string[] {
  for (let start = 0; start < lines.length; start++) {
    const line = lines[start];
    if (line === undefined || line.chrome || line.text.length > 60 || !heading.test(line.text)) continue;
    const body: PageLine[] = [];
    for (const next of lines.slice(start + 1)) {
      if (isHeading(next) && !INGREDIENT_GROUP.test(next.text)) break;
      body.push(next);
    }
    const listed = body.filter((item) => item.tag === 'li' || /^[-*\u2022]\s/.test(item.text));
    const items = (listed.length > 0 ? listed : body).map((item) => item.text.replace(/^[-*\u2022]\s+/, ''));
    const meaningful = items.filter((item) => item.length > 1 && item !== '...').slice(0, MAX_ITEMS);
    if (meaningful.length > 0) return meaningful;
  }
  return [];
}

/** Sub-headings inside an ingredient list ("For the sauce:") do not end the section. */
const INGREDIENT_GROUP = /^for (?:the )?[\w ]{2,30}:?$/i;
