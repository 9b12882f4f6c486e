// Reads the lists a prompt gives: the allowed @types and the properties to fill (or the ones to leave out).
import { isNegated } from '../../instructions/negation.js';
import { type NamedItems, namedProperties } from './property-names.js';
import { KNOWN_TYPES } from './schema-types.js';

/** A list the prompt asks for (`wanted`) or forbids (`unwanted`, from a negated cue). */
export interface PromptList {
  readonly wanted: readonly string[];
  readonly unwanted: readonly string[];
}

const TYPE_CUE =
  /\b(?:one of|allowed|permitted|acceptable|supported|choose|pick|select|among|limited to|restricted to|following types|these types|possible types|candidate types|available types|type list|list of types|as the @?type|@?type (?:must|should) be)\b/i;

const FIELD_CUE =
  /\b(?:fields?|properties|property|attributes|keys|include|including|fill(?: in)?|populate|extract|capture|provide|output|containing|contain|with|add)\b/i;

const BULLET = /^\s*(?:[-*\u2022]|\d+[.)])\s+/;

/** Sentences of the text, where a line ending in ':' and the bullet lines after it stay in one sentence. */
function sentences(text: string): string[] {
  const result: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const continues = current.trimEnd().endsWith(':') || current.trimEnd().endsWith(',') || BULLET.test(line);
    if (!continues && current.length > 0) {
      result.push(current);
      current = '';
    }
    current = current.length > 0 ? `${current}\n${line}` : line;
  }
  if (current.length > 0) result.push(current);
  return result.flatMap((sentence) => sentence.split(/(?<=[.!?])\s+(?=[A-Z])/));
}

/**
 * A list is wanted only after a clear cue ("one of", "allowed"); a looser mention ("types like Thing") can still
 * forbid, since "avoid types like Thing" is clear, while "prefer types such as Recipe" is an illustration.
 */
interface ListCues {
  readonly wanted: RegExp;
  readonly unwanted: RegExp;
}

/**
 * Each sentence with a cue contributes its items: wanted when there are at least `minimum`, unwanted when the cue or
 * the list is negated ("never use Thing, WebPage or CreativeWork as the @type" negates the list, not the cue).
 */
function readList(text: string, cues: ListCues, items: (sentence: string) => NamedItems, minimum: number): PromptList {
  const wanted: string[] = [];
  const unwanted: string[] = [];
  for (const sentence of sentences(text)) {
    const strong = cues.wanted.exec(sentence);
    const match = strong ?? cues.unwanted.exec(sentence);
    if (match === null) continue;
    const found = items(sentence);
    const anchor = Math.min(match.index, found.first);
    const negated =
      isNegated(sentence, anchor, anchor) || isNegated(sentence, match.index, match.index + match[0].length);
    if (negated) unwanted.push(...found.names);
    else if (strong !== null && found.names.length >= minimum) wanted.push(...found.names);
  }
  return { wanted: [...new Set(wanted)], unwanted: [...new Set(unwanted)] };
}

function namedTypes(sentence: string): NamedItems {
  const matches = [...sentence.matchAll(/\b[A-Z][A-Za-z]+\b/g)].filter((match) => KNOWN_TYPES.has(match[0]));
  return { names: matches.map((match) => match[0]), first: matches[0]?.index ?? sentence.length };
}

/**
 * The @types the prompt allows (at least two named together) or forbids.
 *
 * @example
 * readTypeList('The @type must be one of: Recipe, Product, NewsArticle.').wanted; // ['Recipe', 'Product', 'NewsArticle']
 */
export function readTypeList(text: string): PromptList {
  return readList(text, { wanted: TYPE_CUE, unwanted: /\btypes?\b|@type\b/i }, namedTypes, 2);
}

/**
 * The properties the prompt asks to fill (at least two named together) or to leave out.
 *
 * @example
 * readFieldList('Fill these fields: name, image, offers, sku.').wanted; // ['name', 'image', 'offers', 'sku']
 */
export function readFieldList(text: string): PromptList {
  return readList(text, { wanted: FIELD_CUE, unwanted: FIELD_CUE }, namedProperties, 2);
}
