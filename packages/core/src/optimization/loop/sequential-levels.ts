// Nominal significance levels of a group-sequential test: how strict each look at the validation split must be.

/**
 * O'Brien–Fleming constants for a one-sided overall α = 0.05 with K equally spaced looks (Jennison & Turnbull,
 * "Group Sequential Methods", table 2.3, two-sided 0.10): look k of K rejects when z ≥ c_K · √(K / k).
 */
const OBRIEN_FLEMING_05: Readonly<Record<number, number>> = { 1: 1.645, 2: 1.678, 3: 1.71, 4: 1.733, 5: 1.751 };

/** Upper tail of the standard normal (Abramowitz–Stegun 26.2.17, error < 7.5e-8). */
function normalUpperTail(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const density = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
  const tail =
    density * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z >= 0 ? tail : 1 - tail;
}

/**
 * The level each look's improvement test is held to, so that over all looks the chance of accepting an edit that
 * does not help stays under `alpha`. At α = 0.05 with up to five looks: O'Brien–Fleming — very strict early (only an
 * overwhelming improvement stops the test at the first look), close to α at the last, so small real gains keep
 * their power. Otherwise Bonferroni (α / K at every look), which is valid for any α but costs power.
 * @example
 * sequentialLevels(0.05, 3); // ≈ [0.0015, 0.018, 0.044]
 * sequentialLevels(0.01, 2); // [0.005, 0.005]
 */
export function sequentialLevels(alpha: number, looks: number): number[] {
  const constant = OBRIEN_FLEMING_05[looks];
  if (Math.abs(alpha - 0.05) < 1e-12 && constant !== undefined) {
    return Array.from({ length: looks }, (_, index) => normalUpperTail(constant * Math.sqrt(looks / (index + 1))));
  }
  return Array.from({ length: looks }, () => alpha / looks);
}
