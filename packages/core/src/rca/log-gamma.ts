// ln Γ(x) by the Lanczos approximation (g = 7, n = 9): log-factorials for exact tests on large counts.

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln Γ(x) for x > 0, accurate to about 1e-15 relative.
 * @example
 * logGamma(5); // ln 24
 */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let index = 1; index < LANCZOS.length; index += 1) sum += (LANCZOS[index] ?? 0) / (z + index);
  const t = z + 7.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * ln n! for a non-negative integer n.
 * @example
 * logFactorial(0); // 0
 * logFactorial(100_000); // 1051299.22…
 */
export function logFactorial(n: number): number {
  return n < 2 ? 0 : logGamma(n + 1);
}
