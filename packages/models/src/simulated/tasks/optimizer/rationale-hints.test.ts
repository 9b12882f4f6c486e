// Rationale use: the fixed shapes of Kaizen's check rationales become hints; only recurring ones count.
import { describe, expect, it } from 'vitest';
import { seededPick } from './pick.js';
import { fieldName, hintsFromRationale, recurringHints } from './rationale-hints.js';

const pick = seededPick(0, 'k');
const written = (rationale: string, forTool = false) =>
  hintsFromRationale(rationale).map((hint) => hint.write(pick, forTool));

describe('hintsFromRationale', () => {
  it('reads invalid JSON from the parser message and from judge prose', () => {
    for (const rationale of [
      `output is not valid JSON: Unexpected token 'H', "Here is th"... is not valid JSON`,
      'no complete JSON object or array found in the output',
      'The output is not valid JSON because it starts with prose.',
    ]) {
      expect(hintsFromRationale(rationale).map((hint) => hint.key)).toEqual(['json']);
    }
    expect(written('output is not valid JSON: Unexpected end of JSON input')[0]).toMatch(/JSON/);
  });

  it('reads a missing key from field checks and JSON Schema errors', () => {
    expect(written('$.telephone is missing')[0]).toMatch(/"telephone"/);
    expect(written("$['@context'] is missing")[0]).toMatch(/"@context"/);
    expect(written("$ must have required property 'born'")[0]).toMatch(/"born"/);
    expect(written("$.author must have required property 'name'")[0]).toMatch(/"author\.name"/);
    expect(hintsFromRationale('$.telephone is missing')[0]?.key).toBe('field:telephone');
  });

  it('reads types, formats, values, substrings, patterns and languages', () => {
    expect(written('$.rating is "4", not a number')).toEqual(['Write "rating" as a number.']);
    expect(written('$.name must be string')).toEqual(['Write "name" as a string.']);
    expect(written('$.born must match format "date"')).toEqual(['Write "born" in date format.']);
    expect(written('$.currency is "usd", expected "USD"')).toEqual(['Set "currency" to "USD".']);
    expect(written('output does not contain ["Spain"]')).toEqual(['Always include "Spain" in your answer.']);
    expect(written('output contains ["As an AI","I cannot"]')).toEqual([
      'Never write "As an AI".',
      'Never write "I cannot".',
    ]);
    expect(written('output does not match /^Dear /')).toEqual(['Make sure your answer matches the pattern /^Dear /.']);
    expect(written('output is in "en", not "fr"')).toEqual(['Always answer in French.']);
  });

  it('reads tool rationales, written for the tool description or for the system prompt', () => {
    expect(written('tool "get_weather" was not called', true)[0]).toMatch(/^Always call this tool/);
    expect(written('tool "get_weather" was not called', false)[0]).toMatch(/get_weather/);
    expect(written(`call 1 of "get_weather": $ must have required property 'city'`, true)[0]).toMatch(/"city"/);
    expect(written('call 2 of "get_weather": arguments are not valid JSON')[0]).toMatch(/valid JSON object/);
  });

  it('says nothing for rationales without a usable fact', () => {
    expect(hintsFromRationale('custom check returned false')).toEqual([]);
    expect(hintsFromRationale('')).toEqual([]);
  });
});

describe('recurringHints', () => {
  it('keeps what at least half of the rationales say, so one example’s facts are not copied into the prompt', () => {
    const keys = recurringHints([
      '$.name is missing',
      '$.name is missing',
      'output does not contain ["Madrid"]',
      '$.sku is missing',
    ]).map((hint) => hint.key);
    expect(keys).toEqual(['field:name']);
  });

  it('needs two rationales to agree once there are two or more', () => {
    expect(recurringHints(['$.name is missing', '$.sku is missing'])).toEqual([]);
    expect(recurringHints(['$.sku is missing', '$.sku is missing']).map((hint) => hint.key)).toEqual(['field:sku']);
  });

  it('keeps a single rationale’s hints', () => {
    expect(recurringHints(['$.sku is missing']).map((hint) => hint.key)).toEqual(['field:sku']);
  });
});

describe('fieldName', () => {
  it('reads JSON paths as field names', () => {
    expect(fieldName('$.a.b')).toBe('a.b');
    expect(fieldName("$['@type']")).toBe('@type');
    expect(fieldName('$.items[0].name')).toBe('items.name');
    expect(fieldName('$')).toBeNull();
  });
});
