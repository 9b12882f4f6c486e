import { describe, expect, it } from 'vitest';
import { createLimiter } from './limit-concurrency.js';

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createLimiter', () => {
  it('runs at most max calls at once, in submission order', async () => {
    const limit = createLimiter(2);
    const gates = [deferred<number>(), deferred<number>(), deferred<number>(), deferred<number>()];
    const started: number[] = [];
    const results = gates.map((gate, index) =>
      limit.run(() => {
        started.push(index);
        return gate.promise;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect([limit.active, limit.pending]).toEqual([2, 2]);

    gates[1]?.resolve(1);
    await tick();
    expect(started).toEqual([0, 1, 2]);

    gates[0]?.resolve(0);
    gates[2]?.resolve(2);
    gates[3]?.resolve(3);
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3]);
    expect([limit.active, limit.pending]).toEqual([0, 0]);
  });

  it('frees the slot when a call rejects or throws synchronously', async () => {
    const limit = createLimiter(1);
    await expect(limit.run(() => Promise.reject(new Error('429')))).rejects.toThrow('429');
    await expect(
      limit.run(() => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    expect(await limit.run(async () => 'next')).toBe('next');
    expect(limit.active).toBe(0);
  });

  it('rejects a bound that is not a whole number ≥ 1', () => {
    expect(() => createLimiter(0)).toThrow(RangeError);
    expect(() => createLimiter(1.5)).toThrow(RangeError);
  });
});
