import type { LabelEvent } from '@kaizen/core';
import { describe, expect, it } from 'vitest';
import { releaseMarkers, releaseTitle } from './release-markers';

const event = (overrides: Partial<LabelEvent>): LabelEvent => ({
  name: 'extractor',
  label: 'production',
  kind: 'promote',
  fromVersion: null,
  toVersion: 1,
  actor: null,
  at: '2025-06-02T00:00:00.000Z',
  ...overrides,
});

describe('releaseMarkers', () => {
  it('titles a move with the prompt, label and versions, rollbacks said so', () => {
    expect(releaseTitle(event({ toVersion: 3 }))).toBe('extractor production → v3');
    expect(releaseTitle(event({ fromVersion: 2, toVersion: 3 }))).toBe('extractor production → v3 (from v2)');
    expect(releaseTitle(event({ kind: 'rollback', fromVersion: 3, toVersion: 2 }))).toBe(
      'extractor production rollback → v2 (from v3)',
    );
  });

  it('keeps the moves in [from, to), oldest first', () => {
    const period = { from: '2025-06-01T00:00:00.000Z', to: '2025-06-08T00:00:00.000Z' };
    const markers = releaseMarkers(
      [
        event({ at: '2025-06-08T00:00:00.000Z', toVersion: 4 }),
        event({ at: '2025-06-05T00:00:00.000Z', toVersion: 3 }),
        event({ at: '2025-06-01T00:00:00.000Z', toVersion: 2 }),
        event({ at: '2025-05-31T23:59:59.999Z', toVersion: 1 }),
      ],
      period,
    );
    expect(markers.map((marker) => marker.label)).toEqual(['extractor production → v2', 'extractor production → v3']);
    expect(markers[0]?.x).toBe(Date.parse('2025-06-01T00:00:00.000Z'));
  });
});
