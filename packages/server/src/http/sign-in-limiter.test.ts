import { describe, expect, it } from 'vitest';
import { clientKey, createSignInLimiter, keyPrefix } from './sign-in-limiter.js';

function clock() {
  let time = 1_000_000;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('sign-in limiter', () => {
  it('allows 10 failures a minute per address, then says how long to wait, and forgets them as they age', () => {
    const { now, advance } = clock();
    const limiter = createSignInLimiter({ now });
    const attempt = (n: number) => ({ address: '10.0.0.1', key: `kz_guess${n}-secret` });
    for (let n = 0; n < 10; n++) {
      expect(limiter.retryAfterSeconds(attempt(n))).toBe(0);
      limiter.recordFailure(attempt(n));
      advance(1_000);
    }
    // The first failure was 10 s ago: it leaves the window in 50 s.
    expect(limiter.retryAfterSeconds(attempt(10))).toBe(50);
    advance(49_500);
    expect(limiter.retryAfterSeconds(attempt(10))).toBe(1);
    advance(500);
    expect(limiter.retryAfterSeconds(attempt(10))).toBe(0);
  });

  it('counts per address and per key prefix: other clients go on, guesses at one prefix stop from anywhere', () => {
    const limiter = createSignInLimiter({ now: () => 0, maxFailures: 3 });
    for (let n = 0; n < 3; n++) limiter.recordFailure({ address: '10.0.0.1', key: `kz_target${n}` });
    expect(limiter.retryAfterSeconds({ address: '10.0.0.1', key: 'kz_other__' })).toBe(60);
    expect(limiter.retryAfterSeconds({ address: '10.0.0.2', key: 'kz_other__' })).toBe(0);
    for (let n = 0; n < 3; n++) limiter.recordFailure({ address: `10.0.1.${n}`, key: `kz_SHARED_${n}` });
    expect(limiter.retryAfterSeconds({ address: '10.0.2.1', key: 'kz_SHARED_rest-of-key' })).toBe(60);
    expect(limiter.retryAfterSeconds({ address: '10.0.2.1', key: 'kz_UNSHARED' })).toBe(0);
    expect(keyPrefix('  kz_SHARED_rest ')).toBe('kz_SHARED_');
  });

  it('keeps at most maxEntries addresses and prefixes, the least recently failed evicted first', () => {
    const limiter = createSignInLimiter({ now: () => 0, maxFailures: 2, maxEntries: 100 });
    const blocked = { address: '10.9.9.9', key: 'kz_blocked' };
    limiter.recordFailure(blocked);
    limiter.recordFailure(blocked);
    expect(limiter.retryAfterSeconds(blocked)).toBe(60);
    for (let n = 0; n < 50; n++) limiter.recordFailure({ address: `10.1.0.${n}`, key: `kz_flood${n}` });
    // 100 newer entries (50 addresses, 50 prefixes): the blocked pair was evicted, the memory stays bounded.
    expect(limiter.retryAfterSeconds(blocked)).toBe(0);
  });

  it('treats an IPv4-mapped address as IPv4 and limits IPv6 per /64', () => {
    expect(clientKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(clientKey('192.0.2.7')).toBe('192.0.2.7');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('2001:DB8:0:0:ffff::2')).toBe('2001:db8:0:0::/64');
    expect(clientKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    const limiter = createSignInLimiter({ now: () => 0, maxFailures: 2 });
    limiter.recordFailure({ address: '2001:db8::1', key: 'kz_a' });
    limiter.recordFailure({ address: '2001:db8::2', key: 'kz_b' });
    expect(limiter.retryAfterSeconds({ address: '2001:db8::ffff', key: 'kz_c' })).toBe(60);
  });
});
