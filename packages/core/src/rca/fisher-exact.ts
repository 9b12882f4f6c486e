// Fisher's exact test on a 2×2 table, two-sided: the hypergeometric mass of every table as or less likely than observed.
import { logFactorial } from './log-gamma.js';

/** Tables within this relative distance of the observed probability count as "as likely" (R uses the same). */
const RELATIVE_TOLERANCE = 1e-7;
/** A tail term this small next to the observed probability no longer changes the sum. */
const NEGLIGIBLE = 1e-17;

/**
 * Two-sided p-value for the table [[a, b], [c, d]]. Works in log space and walks only the tails that matter, from
 * their inner edge outwards, so 100,000-item tables cost a few hundred terms and never underflow to a wrong answer.
 * @example
 * fisherExact(3, 1, 1, 3); // 0.4857142857…
 * fisherExact(10, 0, 0, 10); // 1.0825088224469026e-5
 */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  const row1 = a + b;
  const row2 = c + d;
  const column1 = a + c;
  const total = row1 + row2;
  if (row1 === 0 || row2 === 0 || column1 === 0 || column1 === total) return 1;
  const constant =
    logFactorial(row1) +
    logFactorial(row2) +
    logFactorial(column1) +
    logFactorial(total - column1) -
    logFactorial(total);
  const logProbability = (x: number): number =>
    constant - logFactorial(x) - logFactorial(row1 - x) - logFactorial(column1 - x) - logFactorial(row2 - column1 + x);
  const low = Math.max(0, column1 - row2);
  const high = Math.min(row1, column1);
  const mode = Math.floor(((row1 + 1) * (column1 + 1)) / (total + 2));
  const observed = logProbability(a);
  const threshold = observed + Math.log1p(RELATIVE_TOLERANCE);
  // Ratio p(x + 1) / p(x), for walking a tail without recomputing factorials.
  const up = (x: number): number => ((row1 - x) * (column1 - x)) / ((x + 1) * (row2 - column1 + x + 1));

  // Sums exp(logP(x) - observed) from `start` outward in `direction` until the terms are negligible.
  const tail = (start: number, direction: 1 | -1): number => {
    let term = Math.exp(logProbability(start) - observed);
    let sum = 0;
    let x = start;
    while (x >= low && x <= high) {
      sum += term;
      if (term < NEGLIGIBLE * (sum + 1)) break;
      term = direction === 1 ? term * up(x) : term / up(x - 1);
      x += direction;
    }
    return sum;
  };
  // The first x from the mode towards `end` (monotone there) whose probability is at most the observed one.
  const edge = (from: number, end: number): number | null => {
    let lo = from;
    let hi = end;
    const direction = end >= from ? 1 : -1;
    if (logProbability(end) > threshold) return null;
    while (lo !== hi) {
      const middle = direction === 1 ? Math.floor((lo + hi) / 2) : Math.ceil((lo + hi) / 2);
      if (logProbability(middle) <= threshold) hi = middle;
      else lo = middle + direction;
    }
    return lo;
  };

  let relative: number;
  if (a <= mode) {
    relative = tail(a, -1);
    const start = a === mode ? mode + 1 : Math.max(mode, a + 1);
    const other = start <= high ? edge(start, high) : null;
    if (other !== null) relative += tail(other, 1);
  } else {
    relative = tail(a, 1);
    const start = Math.min(mode, a - 1);
    const other = start >= low ? edge(start, low) : null;
    if (other !== null) relative += tail(other, -1);
  }
  return Math.min(1, Math.exp(observed) * relative);
}
