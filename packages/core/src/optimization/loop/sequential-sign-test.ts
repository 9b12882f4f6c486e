// An exact group-sequential sign test: how many wins each look of the validation split needs for an improvement.

/**
 * Cumulative type I error a sequential test may have spent once a share `fraction` of the split has been read:
 * Kim and DeMets' power family α·t^ρ. ρ = 3 is close to O'Brien–Fleming (almost nothing spent early, so only an
 * overwhelming improvement stops the test at a first look), ρ = 1 to Pocock (spent evenly).
 * @example
 * powerSpending(0.05, 1 / 3, 3); // ≈ 0.00185
 * powerSpending(0.05, 1, 3); // 0.05
 */
export function powerSpending(alpha: number, fraction: number, rho: number): number {
  if (fraction <= 0) return 0;
  if (fraction >= 1) return alpha;
  return alpha * fraction ** rho;
}

/**
 * The spending function's exponent the loop uses (see `powerSpending`): 2 spends α/36 by the first of six looks,
 * α/9 by the second (8 items of 8 better pass) and 4/9 α by two thirds of the split; 3 (closer to O'Brien–Fleming)
 * waited longer for the same fixes on the benchmark tasks, with no more power at the end.
 */
export const SPENDING_RHO = 2;

/** A look: the discordant pairs (items better or worse, not tied) seen so far, and the share of the split read. */
export interface SignLook {
  readonly discordant: number;
  readonly fraction: number;
}

/**
 * The fewest wins that accept at each look (a look that cannot accept gets `discordant + 1`), for a one-sided sign
 * test whose chance of ever accepting an edit that does not help is at most `alpha` over all looks.
 *
 * Exact, not a normal approximation: when an edit does not help, each discordant pair is a win with probability at
 * most ½ whatever happened before, so the wins form a fair random walk over the discordant pairs. The thresholds are
 * set look by look on that walk (paths that stopped earlier are removed), so that the probability of having crossed
 * by look k stays under `spending(fraction of look k)` — the error the discreteness of earlier looks left unspent
 * carries over to later ones, and the last look gets nearly the full α. Each threshold depends only on the
 * discordant counts and the read shares so far, never on the wins, so the same looks always give the same
 * thresholds.
 * @example
 * signThresholds(0.05, [{ discordant: 10, fraction: 1 / 3 }]); // [10]: 10 wins out of 10 (p ≈ 0.001)
 * signThresholds(0.05, [{ discordant: 0, fraction: 0.5 }, { discordant: 5, fraction: 1 }]); // [1, 5]
 */
export function signThresholds(alpha: number, looks: readonly SignLook[], rho = SPENDING_RHO): number[] {
  // mass[w]: probability, under "no better than a coin", of w wins and no acceptance yet.
  let mass = [1];
  let spent = 0;
  const thresholds: number[] = [];
  for (const look of looks) {
    const added = Math.max(0, look.discordant - (mass.length - 1));
    for (let flip = 0; flip < added; flip++) {
      const next = new Array<number>(mass.length + 1).fill(0);
      mass.forEach((p, wins) => {
        next[wins] = (next[wins] ?? 0) + p / 2;
        next[wins + 1] = (next[wins + 1] ?? 0) + p / 2;
      });
      mass = next;
    }
    const allowed = powerSpending(alpha, look.fraction, rho) + 1e-12;
    let threshold = mass.length;
    let tail = 0;
    for (let wins = mass.length - 1; wins >= 1; wins--) {
      const more = tail + (mass[wins] ?? 0);
      if (spent + more > allowed) break;
      tail = more;
      threshold = wins;
    }
    spent += tail;
    for (let wins = threshold; wins < mass.length; wins++) mass[wins] = 0;
    thresholds.push(threshold);
  }
  return thresholds;
}
