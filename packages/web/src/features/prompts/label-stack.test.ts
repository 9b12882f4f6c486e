import { describe, expect, it } from 'vitest';
import { rollbackTarget } from './label-stack';
import type { LabelEvent } from './prompt-types';

const event = (kind: LabelEvent['kind'], label: string, fromVersion: number | null, toVersion: number): LabelEvent => ({
  name: 'p',
  label,
  kind,
  fromVersion,
  toVersion,
  actor: null,
  at: '2025-01-01T00:00:00.000Z',
});

describe('rollbackTarget', () => {
  it('is the version before the last promote, following earlier rollbacks, per label', () => {
    // Newest first, as GET /api/prompts/:name/history answers.
    const history = [
      event('rollback', 'production', 3, 2),
      event('promote', 'staging', null, 3),
      event('promote', 'production', 2, 3),
      event('promote', 'production', 1, 2),
      event('promote', 'production', null, 1),
    ];
    expect(rollbackTarget(history, 'production')).toBe(1);
    expect(rollbackTarget(history, 'staging')).toBeNull();
    expect(rollbackTarget(history, 'shadow')).toBeNull();
    expect(rollbackTarget(history.slice(1), 'production')).toBe(2);
  });
});
