// Reads a page's visible content and head metadata into the facts the simulator may write down.

import { findAddress, findEmail, findTelephone } from './extract-contact.js';
import { readDate } from './extract-dates.js';
import { findDuration } from './extract-durations.js';
import { findPrice } from './extract-price.js';
import { findRating } from './extract-rating.js';
import { INGREDIENTS_HEADING, INSTRUCTIONS_HEADING, readSection } from './extract-sections.js';
import type { PageFacts, RecipeFacts } from './page-facts.js';
import { labelled, readLabels } from './page-labels.js';
import { type HtmlPage, type PageLine, readHtml } from './read-html.js';

const BYLINE = /^(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor|[Dd]i)\s+([A-Z][\p{L}.'-]+(?:\s+[A-Z][\p{L}.'-]+){0,3})/u;
const IN_STOCK =
  /\b(?:in stock|available to ship|add to (?:cart|basket|bag)|buy now|available now|auf lager|en stock|disponible)\b/i;
const OUT_OF_STOCK = /\b(?:out of stock|sold out|currently unavailable|ausverkauft|épuisé|agotado)\b/i;

function firstMeta(page: HtmlPage, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = page.meta.get(key);
    if (value !== undefined && value.length > 0) return value;
  }
  return undefined;
}

function readName(page: HtmlPage, lines: readonly PageLine[]): string | undefined {
  const heading = lines.find((line) => line.tag === 'h1' && line.text.length <= 200)?.text;
  const title = page.title?.split(/\s+[|\u2013\u2014-]\s+|\s+::\s+/)[0];
  const subheading = lines.find((line) => /^h[2-3]$/.test(line.tag))?.text;
  return (
    heading ?? firstMeta(page, ['og:title', 'twitter:title']) ?? title ?? subheading ?? lines[0]?.text.slice(0, 150)
  );
}

function readAuthor(
  page: HtmlPage,
  lines: readonly PageLine[],
  labels: ReadonlyMap<string, string>,
): string | undefined {
  const twitterAuthor = /written by|author/i.test(page.meta.get('twitter:label1') ?? '')
    ? page.meta.get('twitter:data1')
    : undefined;
  const metaAuthor = [
    firstMeta(page, ['author', 'article:author', 'parsely-author', 'sailthru.author']),
    twitterAuthor,
  ].find((value) => value !== undefined && !/^https?:/.test(value));
  const byline = lines.map((line) => BYLINE.exec(line.text)?.[1]).find((name) => name !== undefined);
  return metaAuthor ?? labelled(labels, ['author', 'written by', 'by', 'autor', 'auteur']) ?? byline;
}

function readRecipe(
  lines: readonly PageLine[],
  texts: readonly string[],
  labels: ReadonlyMap<string, string>,
): RecipeFacts {
  return {
    ingredients: readSection(lines, INGREDIENTS_HEADING),
    instructions: readSection(lines, INSTRUCTIONS_HEADING),
    prepTime: findDuration(texts, 'prep(?:aration)?'),
    cookTime: findDuration(texts, '(?:cook(?:ing)?|bake|baking)'),
    totalTime: findDuration(texts, '(?:total|ready in)'),
    recipeYield: labelled(labels, ['yield', 'servings', 'serves', 'portions', 'makes', 'portionen', 'porciones']),
    calories: texts
      .map((text) => /\b(\d{2,4})\s*(?:k?cal|calories)\b/i.exec(text)?.[0])
      .find((value) => value !== undefined),
  };
}

/**
 * @example
 * parsePage('<html><body><h1>Kenmore Microwave</h1><p>$55.00</p><p>In stock</p></body></html>').price;
 * // { price: '55.00', currency: 'USD' }
 */
export function parsePage(html: string): PageFacts {
  const page = readHtml(html);
  const lines = page.lines.filter((line) => !line.chrome);
  const texts = lines.map((line) => line.text);
  const labels = readLabels(lines);
  const name = readName(page, lines);
  const nameLine = Math.max(0, texts.indexOf(name ?? ''));
  const address = findAddress(lines);
  const fallbackDescription = texts.find((text) => text.length >= 50 && text !== name && !text.includes(': '));
  const datedLine = texts.find((text) => readDate(text) !== undefined);
  const after = texts.slice(nameLine).join('\n');
  return {
    name,
    description: firstMeta(page, ['description', 'og:description', 'twitter:description']) ?? fallbackDescription,
    image:
      firstMeta(page, ['og:image', 'twitter:image']) ??
      page.images.find((image) => image.src.length > 0 && !image.src.startsWith('data:'))?.src,
    url: page.canonical ?? firstMeta(page, ['og:url']),
    siteName: firstMeta(page, ['og:site_name', 'application-name']),
    ogType: page.meta.get('og:type'),
    author: readAuthor(page, lines, labels),
    datePublished:
      firstMeta(page, [
        'article:published_time',
        'og:published_time',
        'datepublished',
        'date',
        'dc.date',
        'pubdate',
        'parsely-pub-date',
      ]) ??
      page.datetimes[0] ??
      (datedLine === undefined ? undefined : readDate(datedLine)),
    dateModified: firstMeta(page, ['article:modified_time', 'og:updated_time', 'datemodified']),
    keywords: firstMeta(page, ['keywords', 'news_keywords']),
    price: findPrice(page.meta, texts, nameLine),
    availability: OUT_OF_STOCK.test(after) ? 'OutOfStock' : IN_STOCK.test(after) ? 'InStock' : undefined,
    rating: findRating(texts),
    telephone: findTelephone(texts),
    email: findEmail(texts),
    address: address?.address,
    placeName: address === undefined ? undefined : texts[address.line - 1],
    startDate: texts.map((text) => readDate(text, { withTime: true })).find((date) => date?.includes('T') === true),
    recipe: readRecipe(lines, texts, labels),
    labels,
    lines,
    cueText: [
      page.title,
      page.meta.get('og:type'),
      firstMeta(page, ['og:site_name']),
      page.canonical,
      ...texts.slice(0, 400),
    ]
      .join('\n')
      .toLowerCase()
      .slice(0, 30_000),
  };
}
