// Lists, schemas and few-shot examples in the prompt: allowed types, fields to fill, nesting copied from examples.
import { describe, expect, it } from 'vitest';
import { simulateSchemaorg } from '../../src/simulated/index.js';
import { extractJson, PRODUCT_PAGE, RECIPE_PAGE, run } from './helpers.js';

const STRICT = 'Respond with raw JSON only.';
const answer = (system: string, page?: string) => extractJson(run(`${STRICT}\n${system}`, {}, page).text) ?? {};

describe('allowed types', () => {
  it.each([
    'The @type must be one of: Recipe, Product, NewsArticle.',
    'Choose among Recipe, Product and Event for the type.',
    'Pick the type from this list:\n- Book\n- Product',
  ])('picks the page type among the allowed ones for %j', (phrasing) => {
    const run_ = run(`${STRICT}\n${phrasing}`);
    expect(run_.fired).not.toContain('genericType');
    expect(extractJson(run_.text)?.['@type']).toBe('Product');
  });

  it('scores an allowed parent type by its best subtype (Article for a news page when only Article is allowed)', () => {
    const news =
      '<html><head><meta property="og:type" content="article"><meta property="og:site_name" content="Daily News"></head><body><h1>Storm hits coast</h1><p>By Ann Lee, May 3, 2021</p></body></html>';
    expect(answer('Allowed types: Article, Product, Event.', news)['@type']).toBe('Article');
    expect(answer('Use the most specific type.', news)['@type']).toBe('NewsArticle');
  });

  it('reads a forbidden list as a refusal of those types, not as the allowed ones', () => {
    expect(answer('Never use Thing, WebPage or CreativeWork as the @type.')['@type']).toBe('Product');
    expect(answer('Avoid the types Thing and WebPage.')['@type']).toBe('CreativeWork');
  });

  it('reads the @type enum of a JSON schema in the prompt', () => {
    const schema = JSON.stringify({
      type: 'object',
      properties: { '@type': { enum: ['Recipe', 'Product'] }, name: {}, offers: {} },
    });
    expect(answer(`Follow this JSON schema: ${schema}`)).toMatchObject({ '@type': 'Product', price: '55.00' });
  });

  it('nests what a JSON schema declares as an object', () => {
    const offers = { type: 'object', properties: { price: { type: 'string' } } };
    const schema = JSON.stringify({ type: 'object', properties: { name: { type: 'string' }, offers } });
    expect(answer(`Follow this JSON schema: ${schema}`).offers).toMatchObject({ '@type': 'Offer', price: '55.00' });
  });
});

describe('fields to fill', () => {
  it('fills only the listed fields it can find', () => {
    const json = answer('Use only what the page states. Fill these fields: name, sku, brand.');
    expect(Object.keys(json).filter((key) => !key.startsWith('@'))).toEqual(['name', 'sku', 'brand']);
  });

  it('maps everyday words to properties ("price" asks for offers, "rating" for aggregateRating)', () => {
    const json = answer('Use only what the page states. Extract the title, price and rating.');
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['name', 'price', 'ratingValue']));
  });

  it('leaves out fields the prompt excludes, even when asked for everything', () => {
    const json = answer('Include all properties you can find. Do not include the sku or brand.');
    expect(json).not.toHaveProperty('sku');
    expect(json).not.toHaveProperty('brand');
    expect(json).toHaveProperty('price');
  });
});

describe('few-shot nesting', () => {
  const PRODUCT_EXAMPLE =
    '{"@type": "Product", "name": "Blue mug", "offers": {"@type": "Offer", "price": "9.99", "priceCurrency": "EUR"}}';

  it('writes offers flat without an example', () => {
    expect(answer('Include all properties.')).toMatchObject({ price: '55.00', priceCurrency: 'USD' });
  });

  it('nests offers as the example does', () => {
    const json = answer(`Include all properties. Example answer:\n${PRODUCT_EXAMPLE}`);
    expect(json.offers).toMatchObject({ '@type': 'Offer', price: '55.00', priceCurrency: 'USD' });
    expect(json).not.toHaveProperty('price');
  });

  it('nests the author as a Person when the example does, and copies the example @context', () => {
    const example =
      '{"@context": "https://schema.org", "@type": "Recipe", "name": "Soup", "author": {"@type": "Person", "name": "Ann"}}';
    const json = answer(`Be thorough. For example:\n${example}`, RECIPE_PAGE);
    expect(json.author).toEqual({ '@type': 'Person', name: 'John Smith' });
    expect(json['@context']).toBe('https://schema.org');
  });

  it('keeps the author a string when the example writes it as one', () => {
    const example = '{"@type": "Recipe", "name": "Soup", "author": "Ann"}';
    expect(answer(`Be thorough. Example: ${example}`, RECIPE_PAGE).author).toBe('John Smith');
  });

  it('copies nesting from an assistant turn of a few-shot conversation', () => {
    const result = simulateSchemaorg({
      messages: [
        { role: 'system', text: STRICT },
        { role: 'user', text: '<html><body><h1>Blue mug</h1><p>9.99 EUR</p></body></html>' },
        { role: 'assistant', text: PRODUCT_EXAMPLE },
        { role: 'user', text: PRODUCT_PAGE },
      ],
      seed: 0,
      responseFormat: undefined,
      options: { noise: 0, rules: { minimalProperties: false } },
    });
    expect(result.fired).toContain('copyExampleNesting');
    expect(extractJson(result.text)?.offers).toMatchObject({ '@type': 'Offer', price: '55.00' });
  });
});
