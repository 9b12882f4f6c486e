// The pages the demo's extractor reads: the real schema.org pages of fixtures/schemaorg (see SOURCE.md there), with
// the site section an app would know each page from and the main type of the page's own markup.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { KaizenError } from '@kaizen/core';

export const DEMO_PAGES_FILE = fileURLToPath(
  new URL('../../../../fixtures/schemaorg/schemaorg.jsonl', import.meta.url),
);

export interface DemoPage {
  readonly id: string;
  readonly url: string | null;
  readonly html: string;
  /** The part of the site the page belongs to: the app's own metadata on each call (an RCA feature). */
  readonly section: string;
  /** The main entity's type(s) in the page's markup: the reference answer of dataset items, never shown to a model. */
  readonly mainTypes: readonly string[];
}

interface PageRecord {
  readonly id?: unknown;
  readonly url?: unknown;
  readonly html?: unknown;
  readonly types?: unknown;
  readonly main_types?: unknown;
}

/** Site furniture that is never what a page is about. */
const BOILERPLATE = new Set(['WebSite', 'WebPage', 'BreadcrumbList', 'Organization', 'ListItem', 'ImageObject']);

const SECTIONS: readonly (readonly [string, readonly string[]])[] = [
  ['shop', ['Product', 'Store', 'VideoGame', 'Offer']],
  ['recipes', ['Recipe', 'HowTo']],
  ['news', ['Article', 'NewsArticle', 'BlogPosting', 'LiveBlogPosting', 'ClaimReview']],
  ['events', ['Event', 'MusicEvent', 'TheaterEvent']],
  ['places', ['LocalBusiness', 'Library', 'TouristAttraction']],
];

function sectionOf(mainTypes: readonly string[]): string {
  const found = SECTIONS.find(([, types]) => mainTypes.some((type) => types.includes(type)));
  return found?.[0] ?? 'other';
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/**
 * @example
 * const pages = await readDemoPages(); // 92 pages: { id, url, html, section: 'recipes', mainTypes: ['Recipe'] }
 */
export async function readDemoPages(path = DEMO_PAGES_FILE): Promise<DemoPage[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new KaizenError('invalid_input', `cannot read the demo pages at ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const record = JSON.parse(line) as PageRecord;
      if (typeof record.id !== 'string' || typeof record.html !== 'string' || record.html === '') {
        throw new KaizenError('invalid_input', `${path}:${index + 1}: not a page record (id and html are required)`);
      }
      const main = strings(record.main_types);
      const mainTypes = main.length > 0 ? main : strings(record.types).filter((type) => !BOILERPLATE.has(type));
      return {
        id: record.id,
        url: typeof record.url === 'string' ? record.url : null,
        html: record.html,
        section: sectionOf(mainTypes),
        mainTypes: mainTypes.slice(0, main.length > 0 ? main.length : 1),
      };
    });
}
