// Unit tests: cursor round trip and rejection of anything else.
import { KaizenError } from '@kaizen/core';
import { describe, expect, it } from 'vitest';
import { decodeTraceCursor, encodeTraceCursor } from './trace-cursor.js';

describe('trace cursor', () => {
  it('round-trips the sort key as URL-safe text', () => {
    const cursor = { startTime: 1_740_830_400_123_456, traceId: '4bf92f3577b34da6a3ce929d0e0e4736' };
    const text = encodeTraceCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeTraceCursor(text)).toEqual(cursor);
  });

  it('rejects anything else with invalid_input', () => {
    const wrong = [
      '',
      'a b',
      '%%%',
      Buffer.from('[1]').toString('base64url'),
      Buffer.from('["1","x"]').toString('base64url'),
    ];
    for (const text of wrong) {
      let error: unknown;
      try {
        decodeTraceCursor(text);
      } catch (caught) {
        error = caught;
      }
      expect(KaizenError.isInstance(error) && error.code === 'invalid_input', text).toBe(true);
    }
  });
});
