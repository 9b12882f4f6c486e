// Unit tests: deterministic, monotone sampling by trace id.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSampled, samplingPoint } from './sample-trace.js';

describe('isSampled', () => {
  const ids = Array.from({ length: 4000 }, () => randomBytes(16).toString('hex'));

  it('takes none at 0, every trace at 1, and about the rate in between', () => {
    expect(ids.some((id) => isSampled(id, 0))).toBe(false);
    expect(ids.every((id) => isSampled(id, 1))).toBe(true);
    const share = ids.filter((id) => isSampled(id, 0.2)).length / ids.length;
    expect(share).toBeGreaterThan(0.17);
    expect(share).toBeLessThan(0.23);
  });

  it('is the same every time, and a higher rate only adds traces', () => {
    for (const id of ids.slice(0, 200)) {
      expect(isSampled(id, 0.3)).toBe(isSampled(id, 0.3));
      if (isSampled(id, 0.1)) expect(isSampled(id, 0.5)).toBe(true);
      expect(samplingPoint(id)).toBeGreaterThanOrEqual(0);
      expect(samplingPoint(id)).toBeLessThan(1);
    }
    expect(samplingPoint('4bf92f3577b34da6a3ce929d0e0e4736')).toBe(samplingPoint('4bf92f3577b34da6a3ce929d0e0e4736'));
  });
});
