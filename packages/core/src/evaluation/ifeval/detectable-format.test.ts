import { describe, expect, it } from 'vitest';
import { checkIfevalInstruction } from './check-instruction.js';

const strict = (id: string, kwargs: Record<string, unknown>, response: string): boolean =>
  checkIfevalInstruction(id, kwargs, response, 'strict');

describe('detectable_format:number_bullet_lists', () => {
  const id = 'detectable_format:number_bullet_lists';
  it('counts "* " and "-" lines, exactly', () => {
    expect(strict(id, { num_bullets: 3 }, 'Intro\n* one\n  * two\n- three')).toBe(true);
    expect(strict(id, { num_bullets: 2 }, 'Intro\n* one\n  * two\n- three')).toBe(false);
  });
  it('does not count **bold** lines but does count --- rules', () => {
    expect(strict(id, { num_bullets: 1 }, '**Bold** line\n* one')).toBe(true);
    expect(strict(id, { num_bullets: 2 }, '* one\n---')).toBe(true);
  });
});

describe('detectable_format:constrained_response', () => {
  const id = 'detectable_format:constrained_response';
  it('needs one of the three exact phrases', () => {
    expect(strict(id, {}, 'My answer is maybe. Because…')).toBe(true);
    expect(strict(id, {}, 'my answer is yes.')).toBe(false);
    expect(strict(id, {}, 'My answer is yes')).toBe(false);
  });
});

describe('detectable_format:number_highlighted_sections', () => {
  const id = 'detectable_format:number_highlighted_sections';
  it('counts non-blank *spans* and **spans**', () => {
    expect(strict(id, { num_highlights: 2 }, '*one* and *two*')).toBe(true);
    expect(strict(id, { num_highlights: 2 }, '*one* and **two**')).toBe(true);
    expect(strict(id, { num_highlights: 1 }, '**bold**')).toBe(true);
    expect(strict(id, { num_highlights: 2 }, '**bold**')).toBe(false);
    expect(strict(id, { num_highlights: 1 }, '* * and *\nspan*')).toBe(false);
  });
});

describe('detectable_format:multiple_sections', () => {
  const id = 'detectable_format:multiple_sections';
  it('counts "<splitter> <number>" occurrences, at least num_sections', () => {
    const text = 'SECTION 1\nIntro\nSECTION 2\nBody';
    expect(strict(id, { section_spliter: 'SECTION', num_sections: 2 }, text)).toBe(true);
    expect(strict(id, { section_spliter: 'SECTION', num_sections: 3 }, text)).toBe(false);
    expect(strict(id, { section_spliter: 'Section', num_sections: 1 }, text)).toBe(false);
    expect(strict(id, { section_spliter: 'Day', num_sections: 2 }, 'Day1 x Day 2')).toBe(true);
  });
});

describe('detectable_format:json_format', () => {
  const id = 'detectable_format:json_format';
  it('accepts JSON, optionally in a ```json fence', () => {
    expect(strict(id, {}, '{"a": [1, 2]}')).toBe(true);
    expect(strict(id, {}, '```JSON\n{"a": 1}\n```')).toBe(true);
    expect(strict(id, {}, '```\n[1, "two"]\n```')).toBe(true);
  });
  it('rejects prose around JSON and truncated JSON', () => {
    expect(strict(id, {}, 'Here it is: {"a": 1}')).toBe(false);
    expect(strict(id, {}, '{"a": [1, 2')).toBe(false);
  });
  it("accepts Python json's NaN and Infinity, but not inside strings' neighbours", () => {
    expect(strict(id, {}, '{"a": NaN, "b": -Infinity, "c": "NaN"}')).toBe(true);
    expect(strict(id, {}, '{"a": nan}')).toBe(false);
  });
});

describe('detectable_format:title', () => {
  const id = 'detectable_format:title';
  it('needs a non-blank <<title>> on one line', () => {
    expect(strict(id, {}, '<<Poem of Joy>>\nText')).toBe(true);
    expect(strict(id, {}, '<<  >> text')).toBe(false);
    expect(strict(id, {}, '<<Broken\ntitle>>')).toBe(false);
  });
});
