// Unit tests: a trace is due only after a quiet period without touches, in order, with a bound on waiting traces.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQuietPeriodQueue } from './quiet-period-queue.js';

describe('createQuietPeriodQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function queue(maxPending = 100) {
    const due: string[] = [];
    const dropped: string[] = [];
    const instance = createQuietPeriodQueue({
      quietPeriodMs: 1000,
      maxPending,
      onDue: (key) => due.push(key),
      onDrop: (key) => dropped.push(key),
      now: () => Date.now(),
    });
    return { instance, due, dropped };
  }

  it('hands a trace on once it has gone quiet, and each touch pushes it back', () => {
    const { instance, due } = queue();
    instance.touch('a');
    vi.advanceTimersByTime(600);
    instance.touch('b');
    instance.touch('a');
    vi.advanceTimersByTime(600);
    expect(due).toEqual([]);
    vi.advanceTimersByTime(400);
    expect(due).toEqual(['b', 'a']);
    expect(instance.size).toBe(0);
  });

  it('drops the longest-waiting trace past its bound, and clear() forgets everything', () => {
    const { instance, due, dropped } = queue(2);
    instance.touch('a');
    instance.touch('b');
    instance.touch('c');
    expect(dropped).toEqual(['a']);
    instance.clear();
    vi.advanceTimersByTime(5000);
    expect(due).toEqual([]);
  });
});
