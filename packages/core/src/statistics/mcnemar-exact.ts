// McNemar's exact test: a two-sided binomial test on the discordant pairs (items that flipped one way or the other).
import { KaizenError } from '../errors/kaizen-error.js';

function logFactorials(n: number): Float64Array {
  const table = new Float64Array(n + 1);
  for (let k = 2; k <= n; k += 1) table[k] = (table[k - 1] ?? 0) + Math.log(k);
  return table;
}

/**
 * p = min(1, 2 · P(X ≤ min(b, c))) with X ~ Binomial(b + c, ½); 1 when there is no discordant pair. Computed in log
 * space, so thousands of flips do not underflow.
 * @example
 * mcnemarExact(1, 9); // 0.021484375 (= 2 · 11 / 1024)
 * mcnemarExact(0, 0); // 1
 */
export function mcnemarExact(b: number, c: number): number {
  if (!Number.isInteger(b) || !Number.isInteger(c) || b < 0 || c < 0) {
    throw new KaizenError('invalid_input', 'McNemar counts must be non-negative integers');
  }
  const n = b + c;
  if (n === 0) return 1;
  const logFactorial = logFactorials(n);
  const total = logFactorial[n] ?? 0;
  const logHalfPower = n * Math.log(0.5);
  let tail = 0;
  for (let k = 0; k <= Math.min(b, c); k += 1) {
    tail += Math.exp(total - (logFactorial[k] ?? 0) - (logFactorial[n - k] ?? 0) + logHalfPower);
  }
  return Math.min(1, 2 * tail);
}
