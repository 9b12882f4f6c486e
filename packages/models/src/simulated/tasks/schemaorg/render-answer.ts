// The text around the JSON: how a chatty model presents an answer, and how a broken one cuts it short.

/** Ways a chatty model wraps JSON; none of them is parseable as JSON as a whole. */
const WRAPPERS: readonly ((json: string) => string)[] = [
  (json) =>
    `Here is the schema.org JSON-LD for this page:\n\n\`\`\`json\n${json}\n\`\`\`\n\nIt uses the page's visible title and description.`,
  (json) => `\`\`\`json\n${json}\n\`\`\``,
  (json) => `Sure! Based on the page content, here is the structured data:\n\n\`\`\`\n${json}\n\`\`\``,
  (json) => `Here's the JSON-LD markup:\n${json}\n\nLet me know if you'd like more properties added.`,
];

export const WRAPPER_COUNT = WRAPPERS.length;

/**
 * @example
 * wrapInProse('{"@type":"Thing"}', 1); // '```json\n{"@type":"Thing"}\n```'
 */
export function wrapInProse(json: string, variant: number): string {
  const wrap = WRAPPERS[variant % WRAPPERS.length] ?? WRAPPERS[0];
  return wrap === undefined ? json : wrap(json);
}

/**
 * The JSON cut off part-way, as when a model stops early: `fraction` of it, at least one character.
 *
 * @example
 * truncateJson('{"@type": "Recipe", "name": "Soup"}', 0.5); // '{"@type": "Recipe"'
 */
export function truncateJson(json: string, fraction: number): string {
  return json.slice(0, Math.max(1, Math.floor(json.length * fraction))).trimEnd();
}

/** A plausible wrong neighbour for each type, for the noise rule's wrong-type failures. */
export const WRONG_TYPE: Readonly<Record<string, string>> = {
  Product: 'Offer',
  Recipe: 'HowTo',
  NewsArticle: 'BlogPosting',
  Article: 'WebPage',
  BlogPosting: 'NewsArticle',
  Event: 'Place',
  MusicEvent: 'MusicGroup',
  TheaterEvent: 'CreativeWork',
  Person: 'Organization',
  Organization: 'Person',
  LocalBusiness: 'Organization',
  Store: 'Product',
  Movie: 'VideoObject',
  Book: 'CreativeWork',
  JobPosting: 'Organization',
};
