import { describe, expect, it } from 'vitest';
import { readTags } from './read-tags.js';

describe('readTags', () => {
  it('reads JSON-string and array tags, without duplicates', () => {
    expect(readTags({ 'tag.tags': '["beta","checkout","beta"]' })).toEqual(['beta', 'checkout']);
    expect(readTags({ 'ai.telemetry.metadata.tags': ['a', 'b'] })).toEqual(['a', 'b']);
    expect(readTags({ 'langfuse.trace.tags': ['lf'], 'tag.tags': '["oi"]' })).toEqual(['lf']);
  });

  it('treats a plain string as one tag and ignores empty or invalid values', () => {
    expect(readTags({ 'tag.tags': 'solo' })).toEqual(['solo']);
    expect(readTags({ 'tag.tags': '[]' })).toEqual([]);
    expect(readTags({ 'tag.tags': [{ a: 1 }, ''] })).toEqual([]);
    expect(readTags({})).toEqual([]);
  });
});
