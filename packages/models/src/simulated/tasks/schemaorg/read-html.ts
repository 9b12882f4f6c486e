// A small, forgiving HTML reader: the page's visible text as lines, plus its <head> metadata.
import { decodeEntities } from './decode-entities.js';

/** One line of visible text and the innermost block element it sits in. */
export interface PageLine {
  readonly text: string;
  readonly tag: string;
  /** Inside nav/footer/aside, or a header outside any article/main: site chrome, not the page's own content. */
  readonly chrome: boolean;
}

export interface HtmlPage {
  readonly title: string | undefined;
  /** `<meta>` content by lowercased name/property (the first occurrence wins, as crawlers do). */
  readonly meta: ReadonlyMap<string, string>;
  readonly canonical: string | undefined;
  readonly lines: readonly PageLine[];
  readonly images: readonly { readonly src: string; readonly alt: string }[];
  /** `datetime` attributes of `<time>` elements. */
  readonly datetimes: readonly string[];
}

const BLOCK = new Set(
  'address article aside blockquote body br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td th thead tr ul button label option select caption summary details'.split(
    ' ',
  ),
);
const CHROME = new Set(['nav', 'header', 'footer', 'aside']);
/** Containers whose raw line breaks separate lines, as in hand-written pages without <p> or <br>. */
const LINE_CONTAINERS = new Set(['body', 'div', 'section', 'article', 'main', 'address', 'header', 'footer', 'aside']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg']);
const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'source', 'area', 'base', 'col', 'wbr']);
const TOKEN = /<!--[\s\S]*?-->|<![^>]*>|<(\/?)([a-zA-Z][\w:-]*)([^>]*)>|([^<]+)|</g;
const ATTRIBUTE = /([a-zA-Z_:][-\w:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g;

function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1]?.toLowerCase();
    if (name !== undefined) attributes.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

/**
 * @example
 * readHtml('<html><head><title>Soup</title></head><body><h1>Tomato soup</h1></body></html>').lines;
 * // [{ text: 'Tomato soup', tag: 'h1', chrome: false }]
 */
export function readHtml(html: string): HtmlPage {
  const meta = new Map<string, string>();
  const lines: PageLine[] = [];
  const images: { src: string; alt: string }[] = [];
  const datetimes: string[] = [];
  const stack: string[] = [];
  let canonical: string | undefined;
  let title: string | undefined;
  let buffer = '';
  let inHead = false;
  let inTitle = false;
  let skipping = 0;

  const flush = () => {
    const text = decodeEntities(buffer).replace(/\s+/g, ' ').trim();
    buffer = '';
    if (text.length === 0) return;
    const tag = [...stack].reverse().find((name) => BLOCK.has(name)) ?? 'body';
    // An HTML5 <header> inside <article>/<main> holds the headline and byline, not site navigation.
    const inContent = stack.includes('article') || stack.includes('main');
    const chrome = stack.some((name) => CHROME.has(name) && !(name === 'header' && inContent));
    lines.push({ text, tag, chrome });
  };

  // A line break starts a new line unless the next line continues the sentence (lowercase start, or a trailing comma).
  const addText = (text: string) => {
    const container = [...stack].reverse().find((name) => BLOCK.has(name)) ?? 'body';
    if (!LINE_CONTAINERS.has(container)) {
      buffer += text;
      return;
    }
    text.split('\n').forEach((segment, index) => {
      if (index > 0 && !/^\s*[a-z]/.test(segment) && !/,\s*$/.test(buffer)) flush();
      buffer += ` ${segment}`;
    });
  };

  for (const [, closing, rawName, rawAttributes, text] of html.matchAll(TOKEN)) {
    if (text !== undefined) {
      if (skipping > 0) continue;
      if (inTitle) title = (title ?? '') + text;
      else if (!inHead) addText(text);
      continue;
    }
    if (rawName === undefined) continue;
    const name = rawName.toLowerCase();
    if (SKIP.has(name)) skipping = Math.max(0, skipping + (closing === '/' ? -1 : 1));
    if (closing === '/') {
      if (name === 'title') inTitle = false;
      if (name === 'head') inHead = false;
      if (BLOCK.has(name)) flush();
      const at = stack.lastIndexOf(name);
      if (at !== -1) stack.length = at;
      continue;
    }
    const attributes = attributesOf(rawAttributes ?? '');
    if (name === 'head') inHead = true;
    else if (name === 'body') inHead = false;
    else if (name === 'title') inTitle = true;
    else if (name === 'meta') {
      const key = (attributes.get('name') ?? attributes.get('property') ?? attributes.get('itemprop'))?.toLowerCase();
      const content = attributes.get('content');
      if (key !== undefined && content !== undefined && !meta.has(key)) meta.set(key, content.trim());
    } else if (name === 'link' && attributes.get('rel')?.toLowerCase() === 'canonical')
      canonical ??= attributes.get('href');
    else if (name === 'img' && skipping === 0)
      images.push({ src: attributes.get('src') ?? '', alt: attributes.get('alt') ?? '' });
    else if (name === 'time' && attributes.has('datetime')) datetimes.push(attributes.get('datetime') ?? '');
    if (BLOCK.has(name)) flush();
    if (!VOID.has(name) && !rawAttributes?.trimEnd().endsWith('/')) stack.push(name);
  }
  flush();
  const cleanTitle = title === undefined ? undefined : decodeEntities(title).replace(/\s+/g, ' ').trim();
  return { title: cleanTitle, meta, canonical, lines, images, datetimes };
}
