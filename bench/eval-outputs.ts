// Generates realistic schema.org JSON-LD extraction outputs for bench:eval: mostly valid, with the defects real models
// produce (truncated JSON, prose or fences around it, missing fields, wrong types, wrong values) and latencies.
import { seededRandom } from './realistic-spans.js';

/** What the extractor was expected to find on the page: the checklist's field criteria compare with it. */
export interface ExpectedEntity {
  readonly type: string;
  readonly name: string;
  readonly url: string;
}

/** One output to evaluate, as a dataset item or a production trace provides it. */
export interface EvalItem {
  readonly id: number;
  readonly output: string;
  readonly expected: ExpectedEntity;
  /** Null for a trace whose latency was not reported (the latency criterion is then skipped). */
  readonly latencyMs: number | null;
}

/** The dataset's seed: the items of a run are a pure function of (id, EVAL_SEED). */
export const EVAL_SEED = 42;

export const ENTITY_TYPES = ['Recipe', 'Product', 'Event', 'Article', 'LocalBusiness'] as const;
type EntityType = (typeof ENTITY_TYPES)[number];

type Random = () => number;
type Json = Record<string, unknown>;

const ADJECTIVES = ['Classic', 'Smoky', 'Golden', 'Rustic', 'Quick', 'Ultimate', 'Spicy', 'Crispy', 'Lemon', 'Wild'];
const FOODS = ['Pancakes', 'Lentil Curry', 'Banana Bread', 'Ramen', 'Shakshuka', 'Tacos', 'Risotto', 'Falafel'];
const INGREDIENTS = [
  '2 cups all-purpose flour',
  '1 tsp baking powder',
  '3 large eggs',
  '250 ml whole milk',
  '1 tbsp olive oil',
  '2 cloves garlic, minced',
  '400 g canned tomatoes',
  '1 tsp ground cumin',
  'a pinch of salt',
  '150 g red lentils',
];
const STEPS = [
  'Whisk the dry ingredients together in a large bowl.',
  'Heat the oil in a heavy pan over medium heat.',
  'Add the garlic and cook until fragrant, about one minute.',
  'Stir in the remaining ingredients and bring to a simmer.',
  'Cook for 20 minutes, stirring occasionally, until thickened.',
  'Season to taste and serve warm.',
];
const PRODUCTS = ['Trail Runner 2', 'AeroPress Go', 'Kindle Paperwhite', 'Merino Hoodie', 'USB-C Hub 7-in-1'];
const BRANDS = ['Salomon', 'AeroPress', 'Amazon', 'Icebreaker', 'Anker'];
const EVENTS = ['Jazz in the Park', 'PyCon Lisbon', 'Night Market', 'Open Studio Day', 'Marathon Expo'];
const HEADLINES = [
  'How We Cut Our Cloud Bill in Half',
  'A Beginner’s Guide to Sourdough',
  'Ten Trails Worth the Drive',
  'Why Checklists Beat Vibes',
];
const AUTHORS = ['Ada Lovelace', 'Grace Hopper', 'Katherine Johnson', 'Edsger Dijkstra', 'Barbara Liskov'];
const BUSINESSES = ['Blue Door Bakery', 'Corner Cycles', 'Harbor Dental', 'Night Owl Books', 'Green Leaf Café'];
const STREETS = ['12 Rue Oberkampf', '221B Baker Street', '77 Mass Ave', '5 Kings Road', '1600 Amphitheatre Pkwy'];
const CITIES = ['Paris', 'London', 'Cambridge', 'Brighton', 'Mountain View'];
const PROSE_BEFORE = [
  'Here is the JSON-LD for the page:\n\n',
  'Sure! Based on the page content, the structured data is:\n',
  'I extracted the following schema.org markup.\n\n',
];
const PROSE_AFTER = [
  '',
  '\n\nLet me know if you need any other fields.',
  '\n\nNote: the price was inferred from the page.',
];
const REFUSALS = [
  "I'm sorry, but I couldn't find enough information on this page to produce schema.org markup.",
  'The page does not appear to describe a single entity, so no JSON-LD can be extracted.',
];

function pick<T>(random: Random, values: readonly T[]): T {
  const value = values[Math.floor(random() * values.length)];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function isoDate(random: Random): string {
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function entityOf(type: EntityType, random: Random): Json {
  switch (type) {
    case 'Recipe': {
      const name = `${pick(random, ADJECTIVES)} ${pick(random, FOODS)}`;
      const ingredients = Array.from({ length: 4 + Math.floor(random() * 6) }, () => pick(random, INGREDIENTS));
      return {
        '@context': 'https://schema.org',
        '@type': 'Recipe',
        name,
        url: `https://www.example-recipes.com/recipes/${slug(name)}`,
        image: [`https://www.example-recipes.com/img/${slug(name)}-16x9.jpg`],
        description: `A ${name.toLowerCase()} that comes together on a weeknight.`,
        author: { '@type': 'Person', name: pick(random, AUTHORS) },
        prepTime: `PT${5 + Math.floor(random() * 25)}M`,
        cookTime: `PT${Math.floor(random() * 2)}H${10 + Math.floor(random() * 40)}M`,
        recipeYield: `${2 + Math.floor(random() * 6)} servings`,
        recipeIngredient: ingredients,
        recipeInstructions: STEPS.slice(0, 3 + Math.floor(random() * 3)).map((text) => ({
          '@type': 'HowToStep',
          text,
        })),
        aggregateRating: {
          '@type': 'AggregateRating',
          ratingValue: Math.round((3 + random() * 2) * 10) / 10,
          reviewCount: 5 + Math.floor(random() * 900),
        },
      };
    }
    case 'Product': {
      const index = Math.floor(random() * PRODUCTS.length);
      const name = PRODUCTS[index] ?? 'Product';
      return {
        '@context': 'https://schema.org',
        '@type': 'Product',
        name,
        url: `https://shop.example.com/p/${slug(name)}`,
        image: `https://shop.example.com/img/${slug(name)}.jpg`,
        description: `${name} by ${BRANDS[index] ?? 'Acme'}, free shipping over $50.`,
        brand: { '@type': 'Brand', name: BRANDS[index] ?? 'Acme' },
        sku: `SKU-${Math.floor(random() * 1e6)}`,
        offers: {
          '@type': 'Offer',
          price: Math.round((9 + random() * 300) * 100) / 100,
          priceCurrency: pick(random, ['USD', 'EUR', 'GBP']),
          availability: pick(random, ['https://schema.org/InStock', 'https://schema.org/OutOfStock']),
        },
        aggregateRating: {
          '@type': 'AggregateRating',
          ratingValue: Math.round((2.5 + random() * 2.5) * 10) / 10,
          reviewCount: 1 + Math.floor(random() * 5000),
        },
      };
    }
    case 'Event': {
      const name = `${pick(random, EVENTS)} ${2025 + Math.floor(random() * 2)}`;
      const city = pick(random, CITIES);
      return {
        '@context': 'https://schema.org',
        '@type': 'Event',
        name,
        url: `https://events.example.org/${slug(name)}`,
        startDate: `${isoDate(random)}T${String(10 + Math.floor(random() * 10)).padStart(2, '0')}:00:00+01:00`,
        eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
        location: {
          '@type': 'Place',
          name: `${city} Convention Center`,
          address: { '@type': 'PostalAddress', streetAddress: pick(random, STREETS), addressLocality: city },
        },
        offers: { '@type': 'Offer', price: Math.floor(random() * 80), priceCurrency: 'EUR' },
      };
    }
    case 'Article': {
      const name = pick(random, HEADLINES);
      return {
        '@context': 'https://schema.org',
        '@type': 'Article',
        name,
        headline: name,
        url: `https://blog.example.net/${isoDate(random).slice(0, 7).replace('-', '/')}/${slug(name)}`,
        datePublished: isoDate(random),
        author: { '@type': 'Person', name: pick(random, AUTHORS) },
        publisher: { '@type': 'Organization', name: 'Example Blog' },
        wordCount: 400 + Math.floor(random() * 3000),
      };
    }
    case 'LocalBusiness': {
      const name = pick(random, BUSINESSES);
      return {
        '@context': 'https://schema.org',
        '@type': 'LocalBusiness',
        name,
        url: `https://${slug(name)}.example.com/`,
        telephone: `+44 20 ${1000 + Math.floor(random() * 8999)} ${1000 + Math.floor(random() * 8999)}`,
        address: {
          '@type': 'PostalAddress',
          streetAddress: pick(random, STREETS),
          addressLocality: pick(random, CITIES),
          postalCode: `${10000 + Math.floor(random() * 89999)}`,
        },
        openingHours: ['Mo-Fr 08:00-18:00', 'Sa 09:00-14:00'],
        priceRange: pick(random, ['$', '$$', '$$$']),
      };
    }
  }
}

/** Fields whose removal breaks the schema (required) or a field criterion. */
const REMOVABLE: Record<EntityType, readonly string[]> = {
  Recipe: ['name', 'url', '@context', 'recipeIngredient', 'recipeInstructions'],
  Product: ['name', 'url', '@type', 'offers'],
  Event: ['name', 'url', 'startDate', 'location'],
  Article: ['name', 'headline', 'datePublished', 'url'],
  LocalBusiness: ['name', 'address', 'url', 'telephone'],
};

/** A wrong type where models typically slip: a number as a string, a list as a string, a name as an object. */
function breakType(entity: Json, type: EntityType, random: Random): void {
  const choice = random();
  if (choice < 0.25) {
    entity.name = { '@value': entity.name, '@language': 'en' };
    return;
  }
  switch (type) {
    case 'Recipe':
      entity.recipeIngredient = (entity.recipeIngredient as string[]).join(', ');
      return;
    case 'Product':
      (entity.offers as Json).price = `$${String((entity.offers as Json).price)}`;
      return;
    case 'Event':
      entity.startDate = 'next Saturday at 7pm';
      return;
    case 'Article':
      entity.datePublished = 'March 3rd, 2025';
      return;
    case 'LocalBusiness':
      entity.address = `${String((entity.address as Json).streetAddress)}, ${String((entity.address as Json).addressLocality)}`;
      return;
  }
}

function render(entity: Json, random: Random): string {
  return random() < 0.6 ? JSON.stringify(entity, null, 2) : JSON.stringify(entity);
}

/** A latency in ms: a long-tailed distribution around 900 ms, about 8% over a 2 s budget, 3% not reported. */
function latencyOf(random: Random): number | null {
  if (random() < 0.03) return null;
  return Math.round(250 + -Math.log(1 - random()) * 650);
}

/**
 * The item with this id, the same bytes for the same (id, seed) however the items are paged.
 * @example
 * generateItem(0, 1).output; // '{\n  "@context": "https://schema.org", …'
 */
export function generateItem(id: number, seed: number): EvalItem {
  const random = seededRandom(Math.imul(seed, 0x9e3779b1) ^ Math.imul(id + 1, 0x85ebca6b));
  const type = pick(random, ENTITY_TYPES);
  const entity = entityOf(type, random);
  const expected: ExpectedEntity = { type, name: entity.name as string, url: entity.url as string };
  const defect = random();
  let output: string;
  if (defect < 0.55) output = render(entity, random);
  else if (defect < 0.62) output = `\`\`\`json\n${JSON.stringify(entity, null, 2)}\n\`\`\``;
  else if (defect < 0.69) output = `${pick(random, PROSE_BEFORE)}${render(entity, random)}${pick(random, PROSE_AFTER)}`;
  else if (defect < 0.76) {
    const full = render(entity, random);
    output = full.slice(0, Math.floor(full.length * (0.3 + random() * 0.65)));
  } else if (defect < 0.83) {
    delete entity[pick(random, REMOVABLE[type])];
    output = render(entity, random);
  } else if (defect < 0.9) {
    breakType(entity, type, random);
    output = render(entity, random);
  } else if (defect < 0.94) {
    // A wrong value: a neighbouring type, or a name with another casing or wording.
    const choice = random();
    if (choice < 0.4) entity['@type'] = pick(random, ['Thing', 'WebPage', 'CreativeWork', 'Organization']);
    else if (choice < 0.7) entity.name = (entity.name as string).toUpperCase();
    else entity.name = `${entity.name as string} (updated)`;
    output = render(entity, random);
  } else if (defect < 0.97) {
    const path = new URL(entity.url as string).pathname;
    entity.url = random() < 0.5 ? path : (entity.url as string).replace('https://', 'http://');
    output = render(entity, random);
  } else if (defect < 0.985) output = JSON.stringify([entity]);
  else output = pick(random, REFUSALS);
  return { id, output, expected, latencyMs: latencyOf(random) };
}

/** Items `start` … `start + count - 1`: a page of the dataset, so a run never holds all of it. */
export function generateItems(start: number, count: number, seed: number): EvalItem[] {
  return Array.from({ length: count }, (_, index) => generateItem(start + index, seed));
}
