// Benjamini–Hochberg adjusted p-values (q-values): control of the false-discovery rate across many tests.

/**
 * q-values in the order of the p-values given: q(i) = min over j with p(j) ≥ p(i) of p(j) · m / rank(j), capped at 1.
 * @example
 * benjaminiHochberg([0.01, 0.04, 0.03]); // [0.03, 0.04, 0.04]
 */
export function benjaminiHochberg(pValues: ArrayLike<number>): Float64Array {
  const count = pValues.length;
  const order = Array.from({ length: count }, (_, index) => index).sort(
    (left, right) => (pValues[left] ?? 1) - (pValues[right] ?? 1),
  );
  const q = new Float64Array(count);
  let running = 1;
  for (let rank = count; rank >= 1; rank -= 1) {
    const index = order[rank - 1] ?? 0;
    running = Math.min(running, ((pValues[index] ?? 1) * count) / rank);
    q[index] = running;
  }
  return q;
}
