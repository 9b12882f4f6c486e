// Unit tests: bounded concurrency, one run per queued key, a rerun for a key queued while it runs, and the bound.
import { describe, expect, it } from 'vitest';
import { createRunQueue } from './run-queue.js';

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('createRunQueue', () => {
  it('runs at most `concurrency` keys at once, each queued key once, and reruns a key queued while running', async () => {
    const started: string[] = [];
    const gates = new Map<string, ReturnType<typeof deferred>[]>();
    const dropped: string[] = [];
    const queue = createRunQueue({
      concurrency: 2,
      maxQueued: 2,
      onDrop: (key) => dropped.push(key),
      run: (key) => {
        started.push(key);
        const gate = deferred();
        gates.set(key, [...(gates.get(key) ?? []), gate]);
        return gate.promise;
      },
    });
    for (const key of ['a', 'b', 'c', 'c', 'd', 'e']) queue.enqueue(key);
    expect(started).toEqual(['a', 'b']);
    expect(queue.queued).toBe(2);
    expect(dropped).toEqual(['e']);
    queue.enqueue('a');
    gates.get('a')?.[0]?.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual(['a', 'b', 'c']);
    gates.get('b')?.[0]?.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    gates.get('c')?.[0]?.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    // a was queued again while it ran: it runs once more.
    expect(started).toEqual(['a', 'b', 'c', 'd', 'a']);
    const closing = queue.close(1000);
    gates.get('d')?.[0]?.resolve();
    gates.get('a')?.[1]?.resolve();
    await closing;
    queue.enqueue('f');
    expect(started).toHaveLength(5);
  });
});
