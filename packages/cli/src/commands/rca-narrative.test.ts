import { describe, expect, it } from 'vitest';
import { formatInsight } from './rca.js';

const cause = (id: string, criteria: string[]) => ({
  id,
  criteria,
  failureRate: 0.4,
  lostScoreShare: 0.5,
  drivers: [],
  evidence: { failing: [{ traceId: 'a'.repeat(32) }] },
});

describe('formatInsight narratives', () => {
  it('prints a kept narrative and a dropped reason under the table, nothing without narratives', () => {
    const report = { causes: [cause('cause:json', ['json']), cause('cause:tone', ['tone'])] };
    const withNarratives = formatInsight(
      {
        id: 'r1',
        traceCount: 10,
        report: {
          ...report,
          narratives: {
            'cause:json': { text: `German inputs break JSON [${'a'.repeat(32)}].` },
            'cause:tone': { dropped: 'cites trace ids outside the evidence: x' },
          },
        },
      },
      3,
    );
    expect(withNarratives).toContain(`#1 json: German inputs break JSON [${'a'.repeat(32)}].`);
    expect(withNarratives).toContain('#2 narrative dropped: cites trace ids outside the evidence: x');
    expect(formatInsight({ id: 'r1', traceCount: 10, report }, 3)).not.toMatch(/narrative|German/);
  });
});
