// The property names a prompt can ask for: schema.org's own spelling plus the words people use for them.

/** schema.org property names, matched case-sensitively as written in prompts ("fill name, offers, sku"). */
const CANONICAL = [
  'name',
  'description',
  'image',
  'url',
  'author',
  'datePublished',
  'dateModified',
  'headline',
  'publisher',
  'offers',
  'price',
  'priceCurrency',
  'availability',
  'sku',
  'mpn',
  'gtin',
  'gtin13',
  'brand',
  'model',
  'aggregateRating',
  'ratingValue',
  'reviewCount',
  'recipeIngredient',
  'recipeInstructions',
  'prepTime',
  'cookTime',
  'totalTime',
  'recipeYield',
  'recipeCategory',
  'recipeCuisine',
  'nutrition',
  'telephone',
  'email',
  'address',
  'startDate',
  'endDate',
  'location',
  'performer',
  'jobTitle',
  'title',
  'baseSalary',
  'employmentType',
  'hiringOrganization',
  'jobLocation',
  'datePosted',
  'isbn',
  'director',
  'actor',
  'openingHours',
  'keywords',
  'articleSection',
  'step',
  'tool',
  'supply',
  'estimatedCost',
  'claimReviewed',
  'reviewRating',
  'provider',
  'category',
  'inLanguage',
  'numberOfPages',
  'industry',
  'alumni',
] as const;

/** Everyday words for properties (matched case-insensitively), each standing for one or more properties. */
const SYNONYMS: readonly (readonly [RegExp, readonly string[]])[] = [
  [/\bingredients?\b/i, ['recipeIngredient']],
  [/\b(?:instructions|directions|steps|method)\b/i, ['recipeInstructions', 'step']],
  [/\b(?:prices?|costs?|currency|stock status|offers?)\b/i, ['offers']],
  [/\b(?:ratings?|stars|review score)\b/i, ['aggregateRating']],
  [/\b(?:phone(?: number)?|telephone(?: number)?)\b/i, ['telephone']],
  [/\be-?mail(?: address)?\b/i, ['email']],
  [/\b(?:publication|publish(?:ed|ing)?|pub|release) date\b|\bdate (?:published|of publication)\b/i, ['datePublished']],
  [/\b(?:modified date|last updated|update date)\b/i, ['dateModified']],
  [/\b(?:authors?|byline|writers?)\b/i, ['author']],
  [/\b(?:images?|photos?|pictures?|thumbnails?)\b/i, ['image']],
  [/\btitles?\b/i, ['name', 'headline', 'title']],
  [/\bsummary\b/i, ['description']],
  [/\b(?:brand|manufacturer)\b/i, ['brand']],
  [/\b(?:yield|servings|serves|portions)\b/i, ['recipeYield']],
  [/\bprep(?:aration)? time\b/i, ['prepTime']],
  [/\bcook(?:ing)? time\b/i, ['cookTime']],
  [/\btotal time\b/i, ['totalTime']],
  [/\b(?:start date|date and time|event date|when it starts)\b/i, ['startDate']],
  [/\b(?:venue|location|place)\b/i, ['location', 'jobLocation']],
  [/\bsalary\b/i, ['baseSalary']],
  [/\b(?:employer|hiring organi[sz]ation|company)\b/i, ['hiringOrganization']],
  [/\b(?:cast|actors)\b/i, ['actor']],
  [/\b(?:opening hours|business hours|hours)\b/i, ['openingHours']],
  [/\b(?:postal )?address\b/i, ['address']],
  [/\b(?:canonical url|link|web address)\b/i, ['url']],
  [/\b(?:keywords|tags)\b/i, ['keywords']],
  [/\b(?:publisher|site name)\b/i, ['publisher']],
  [/\bcuisine\b/i, ['recipeCuisine']],
  [/\b(?:nutrition|calories)\b/i, ['nutrition']],
  [/\bcategory\b/i, ['category', 'recipeCategory']],
];

const CANONICAL_PATTERN = new RegExp(String.raw`(?<![\w@])(?:${CANONICAL.join('|')})(?![\w])`, 'g');

/** Names found in a piece of prompt text, and where the first one starts. */
export interface NamedItems {
  readonly names: readonly string[];
  readonly first: number;
}

/**
 * The properties a piece of prompt text names, in schema.org spelling.
 *
 * @example
 * namedProperties('Fill name, price and the ingredients.').names; // ['name', 'offers', 'recipeIngredient']
 */
export function namedProperties(text: string): NamedItems {
  const found = new Set<string>();
  let first = text.length;
  for (const match of text.matchAll(CANONICAL_PATTERN)) {
    found.add(match[0]);
    first = Math.min(first, match.index);
  }
  for (const [pattern, properties] of SYNONYMS) {
    const match = pattern.exec(text);
    if (match === null) continue;
    for (const property of properties) found.add(property);
    first = Math.min(first, match.index);
  }
  return { names: [...found], first };
}
