import { describe, expect, it } from 'vitest';
import { type JsonSchema, validateJsonSchema } from './validate-json-schema.js';

const recipe: JsonSchema = {
  type: 'object',
  properties: {
    '@type': { const: 'Recipe' },
    name: { type: 'string', minLength: 1 },
    servings: { type: 'integer', minimum: 1 },
    tags: { type: 'array', items: { type: 'string' }, maxItems: 3 },
    rating: { anyOf: [{ type: 'number' }, { type: 'null' }] },
    author: { $ref: '#/$defs/person' },
  },
  required: ['@type', 'name'],
  additionalProperties: false,
  $defs: { person: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } },
};

describe('validateJsonSchema', () => {
  it('accepts a conforming value', () => {
    const value = {
      '@type': 'Recipe',
      name: 'Pancakes',
      servings: 4,
      tags: ['quick'],
      rating: null,
      author: { name: 'A' },
    };
    expect(validateJsonSchema(recipe, value)).toEqual([]);
  });

  it('lists every violation with its path', () => {
    const value = { '@type': 'HowTo', servings: 2.5, tags: ['a', 'b', 'c', 7], rating: 'good', author: {}, extra: 1 };
    expect(validateJsonSchema(recipe, value)).toEqual([
      '$.name: required',
      '$.@type: must be "Recipe"',
      '$.servings: expected integer, got number',
      '$.tags: too many items',
      '$.tags[3]: expected string, got number',
      '$.rating: matches none of the allowed shapes',
      '$.author.name: required',
      '$.extra: not allowed',
    ]);
  });

  it('checks type lists, enums, patterns and string lengths', () => {
    const schema: JsonSchema = {
      type: ['string', 'null'],
      enum: ['a1', 'b2', null],
      pattern: '^[a-z]\\d$',
      maxLength: 2,
    };
    expect(validateJsonSchema(schema, null)).toEqual([]);
    expect(validateJsonSchema(schema, 'c3')).toEqual(['$: must be one of ["a1","b2",null]']);
    expect(validateJsonSchema({ type: 'string', pattern: '^\\d+$' }, 'x')).toEqual(['$: does not match ^\\d+$']);
    expect(validateJsonSchema({ type: 'object' }, [])).toEqual(['$: expected object, got array']);
  });

  it('loosens instead of throwing on a malformed schema', () => {
    expect(
      validateJsonSchema({ type: 5, required: 'name', properties: [], items: 'x', minimum: '3' }, { a: 1 }),
    ).toEqual([]);
    expect(validateJsonSchema({ anyOf: 'nope', $ref: 7 }, 1)).toEqual([]);
  });

  it('ignores keywords it does not know and patterns it cannot compile', () => {
    expect(validateJsonSchema({ type: 'string', format: 'email', pattern: '(?<' }, 'not an email')).toEqual([]);
    expect(validateJsonSchema({}, { anything: true })).toEqual([]);
  });
});
