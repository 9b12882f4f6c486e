// One-sided exact sign test: how surprising `wins` out of `wins + losses` coin flips is.

/**
 * P(X ≥ wins) for X ~ Binomial(wins + losses, ½): the p-value of "wins outnumber losses by more than chance".
 * Ties are left out by the caller. 1 when there is no discordant pair.
 * @example
 * signTestGreater(5, 0); // 0.03125
 * signTestGreater(6, 1); // 0.0625
 */
export function signTestGreater(wins: number, losses: number): number {
  const n = wins + losses;
  if (n === 0 || wins === 0) return 1;
  let logChoose = 0; // log C(n, 0)
  const logHalf = n * Math.log(0.5);
  let tail = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logChoose += Math.log(n - k + 1) - Math.log(k);
    if (k >= wins) tail += Math.exp(logChoose + logHalf);
  }
  return Math.min(1, tail);
}
