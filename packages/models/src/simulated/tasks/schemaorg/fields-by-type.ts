// Which properties the simulator writes for each kind of page, read from the page's facts.
import { addressField, authorField, offersField, organizationField, placeField, ratingField } from './common-fields.js';
import { type EntityField, listField, nestedField, plainField } from './entity-field.js';
import type { PageFacts } from './page-facts.js';
import { labelled } from './page-labels.js';
import { isSubtypeOf } from './schema-types.js';

type FieldsOf = (facts: PageFacts, label: (...names: string[]) => string | undefined) => EntityField[][];

const common = (facts: PageFacts) => [
  plainField('name', facts.name, ['title', 'headline']),
  plainField('description', facts.description, ['summary']),
];

const FAMILIES: readonly (readonly [string, FieldsOf])[] = [
  [
    'Article',
    (f) => [
      plainField('headline', f.name, ['name', 'title']),
      plainField('description', f.description),
      authorField(f.author),
      plainField('datePublished', f.datePublished),
      plainField('dateModified', f.dateModified),
      plainField('image', f.image),
      organizationField('publisher', f.siteName),
      plainField('url', f.url),
      plainField('keywords', f.keywords),
    ],
  ],
  [
    'Recipe',
    (f, l) => [
      ...common(f),
      authorField(f.author),
      plainField('datePublished', f.datePublished),
      plainField('image', f.image),
      plainField('recipeIngredient', [...f.recipe.ingredients]),
      listField('recipeInstructions', 'HowToStep', 'text', f.recipe.instructions),
      plainField('prepTime', f.recipe.prepTime),
      plainField('cookTime', f.recipe.cookTime),
      plainField('totalTime', f.recipe.totalTime),
      plainField('recipeYield', f.recipe.recipeYield),
      plainField('recipeCategory', l('course', 'category')),
      plainField('recipeCuisine', l('cuisine')),
      f.recipe.calories === undefined
        ? []
        : nestedField(
            'nutrition',
            'NutritionInformation',
            { calories: f.recipe.calories },
            { nutrition: f.recipe.calories },
          ),
      ratingField(f),
    ],
  ],
  [
    'HowTo',
    (f) => [
      ...common(f),
      listField('step', 'HowToStep', 'text', f.recipe.instructions),
      plainField('totalTime', f.recipe.totalTime),
      plainField('estimatedCost', f.price?.price),
      plainField('image', f.image),
    ],
  ],
  [
    'Product',
    (f, l) => [
      ...common(f),
      plainField('image', f.image),
      plainField(
        'sku',
        l(
          'sku',
          'web code',
          'item number',
          'item #',
          'item no',
          'item no.',
          'article number',
          'artikelnummer',
          'art.-nr.',
          'product code',
          'product id',
        ),
      ),
      plainField('mpn', l('mpn', 'part number', 'manufacturer part number', 'mfr part #')),
      plainField('model', l('model', 'model number', 'model no', 'model no.', 'model #')),
      plainField('gtin', l('gtin', 'ean', 'upc', 'gtin-13', 'ean-13', 'barcode')),
      organizationField('brand', l('brand', 'manufacturer', 'marke', 'marque', 'бренд', 'производитель'), 'Brand'),
      offersField(f),
      ratingField(f),
      plainField('url', f.url),
    ],
  ],
  [
    'Event',
    (f) => [
      ...common(f),
      plainField('startDate', f.startDate),
      placeField('location', f.placeName, f.address),
      offersField(f),
      plainField('image', f.image),
      plainField('url', f.url),
    ],
  ],
  [
    'Person',
    (f, l) => [
      plainField('name', f.name),
      plainField('jobTitle', l('title', 'job title', 'position') ?? jobTitleNear(f)),
      plainField('telephone', f.telephone),
      plainField('email', f.email),
      addressField(f.address),
      plainField('image', f.image),
      plainField('url', f.url),
      plainField('description', f.description),
    ],
  ],
  [
    'Organization',
    (f, l) => [
      ...common(f),
      plainField('telephone', f.telephone),
      plainField('email', f.email),
      addressField(f.address),
      plainField('url', f.url ?? l('url', 'website')),
      plainField('openingHours', l('open', 'opening hours', 'hours', 'öffnungszeiten')),
      plainField('image', f.image),
    ],
  ],
  [
    'JobPosting',
    (f, l) => [
      plainField('title', f.name, ['name']),
      plainField('description', l('description') ?? f.description),
      organizationField(
        'hiringOrganization',
        l('company', 'employer', 'hiring organization', 'organization') ?? employerNear(f),
      ),
      placeField('jobLocation', undefined, l('location', 'job location')),
      plainField('baseSalary', l('salary', 'base salary', 'pay')),
      plainField('employmentType', employmentType(l('hours', 'employment type', 'job type'))),
      plainField('industry', l('industry')),
      plainField('datePosted', l('date posted', 'posted')),
    ],
  ],
  [
    'Book',
    (f, l) => [
      plainField('name', l('title') ?? f.name, ['title']),
      authorField(l('author') ?? f.author),
      plainField('isbn', l('isbn', 'isbn-13', 'isbn-10')),
      plainField('numberOfPages', l('pages', 'number of pages')),
      plainField('url', f.url),
      plainField('image', f.image),
      plainField('description', f.description),
    ],
  ],
  [
    'Movie',
    (f, l) => [
      ...common(f),
      authorField(l('director', 'directed by'), 'director'),
      listField('actor', 'Person', 'name', splitNames(l('stars', 'starring', 'cast'))),
      ratingField(f),
      plainField('image', f.image),
    ],
  ],
  [
    'ClaimReview',
    (f, l) => [
      plainField('claimReviewed', l('claim', 'claim reviewed'), ['name']),
      plainField('datePublished', l('date published') ?? f.datePublished),
      organizationField('author', l('review by', 'reviewed by', 'author')),
      plainField('url', l('review url') ?? f.url),
      rulingField(l('rating', 'ruling')),
    ],
  ],
];

function rulingField(ruling: string | undefined): EntityField[] {
  return ruling === undefined
    ? []
    : nestedField('reviewRating', 'Rating', { alternateName: ruling }, { reviewRating: ruling });
}

function jobTitleNear(facts: PageFacts): string | undefined {
  const index = facts.lines.findIndex((line) => line.text === facts.name);
  return facts.lines
    .slice(index + 1, index + 4)
    .map((line) => line.text)
    .find((text) =>
      /^(?:professor|engineer|manager|director|president|editor|developer|designer|teacher|doctor|researcher|scientist|consultant|chef|journalist)\b/i.test(
        text,
      ),
    );
}

function employerNear(facts: PageFacts): string | undefined {
  for (const line of facts.lines) {
    const match = /\b([A-Z][\w.&]*(?: [A-Z][\w.&]*){0,4})\s+(?:seeks|is hiring|is looking for)\b/.exec(line.text);
    if (match?.[1] !== undefined) return match[1];
  }
  return undefined;
}

function employmentType(hours: string | undefined): string | undefined {
  if (hours === undefined) return undefined;
  return /full[- ]time/i.test(hours) ? 'FULL_TIME' : /part[- ]time/i.test(hours) ? 'PART_TIME' : hours;
}

function splitNames(list: string | undefined): string[] {
  return list === undefined
    ? []
    : list
        .split(/,\s*|\s+and\s+/)
        .map((name) => name.trim())
        .filter((name) => name.length > 0 && !/\bmore\b/.test(name));
}

/**
 * The fields the page supports for a type, in the order an answer lists them (name first, details after).
 *
 * @example
 * fieldsFor('Recipe', parsePage(html)).map((field) => field.property); // ['name', 'description', 'author', …]
 */
export function fieldsFor(type: string, facts: PageFacts): EntityField[] {
  const label = (...names: string[]) => labelled(facts.labels, names);
  const family = FAMILIES.find(([ancestor]) => isSubtypeOf(type, ancestor));
  const groups =
    family === undefined
      ? [...common(facts), plainField('image', facts.image), plainField('url', facts.url)]
      : family[1](facts, label);
  return groups.flat();
}
