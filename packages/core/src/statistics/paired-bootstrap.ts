// Paired bootstrap confidence interval of a mean difference: resample items, keep each item's pair together.
import { KaizenError } from '../errors/kaizen-error.js';
import { quantileOfSorted } from './quantile.js';
import { seededRandom } from './seeded-random.js';

export interface BootstrapOptions {
  /** Resamples; default 10,000. */
  readonly iterations?: number;
  /** Default 1: the interval is reproducible unless a seed is chosen. */
  readonly seed?: number;
  /** Default 0.95. */
  readonly confidence?: number;
}

export interface BootstrapInterval {
  readonly n: number;
  /** The observed mean difference (candidate − baseline). */
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly confidence: number;
}

/** Per-item differences, or [baseline, candidate] pairs turned into candidate − baseline. */
export type PairedSamples = readonly number[] | readonly (readonly [number, number])[];

function toDeltas(samples: PairedSamples): number[] {
  return samples.map((sample) => (typeof sample === 'number' ? sample : sample[1] - sample[0]));
}

/**
 * Percentile interval of the resampled mean difference. Pairing matters: the same items under two prompts are
 * correlated, and resampling the differences keeps that, so the interval is narrower than comparing two means.
 * @example
 * pairedBootstrapCi([[0, 1], [1, 1], [0, 0], [0, 1]], { seed: 7 });
 * // { n: 4, estimate: 0.5, lower: 0, upper: 1, confidence: 0.95 } (bounds depend on the seed)
 */
export function pairedBootstrapCi(samples: PairedSamples, options: BootstrapOptions = {}): BootstrapInterval {
  const iterations = options.iterations ?? 10_000;
  const confidence = options.confidence ?? 0.95;
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new KaizenError('invalid_input', 'iterations must be a positive integer');
  }
  if (!(confidence > 0 && confidence < 1)) throw new KaizenError('invalid_input', 'confidence must be in (0, 1)');
  const deltas = toDeltas(samples);
  const n = deltas.length;
  if (n === 0) throw new KaizenError('invalid_input', 'a bootstrap needs at least one pair');
  if (deltas.some((delta) => !Number.isFinite(delta))) throw new KaizenError('invalid_input', 'samples must be finite');
  const random = seededRandom(options.seed ?? 1);
  const means = new Float64Array(iterations);
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    let sum = 0;
    for (let draw = 0; draw < n; draw += 1) sum += deltas[Math.floor(random() * n)] ?? 0;
    means[iteration] = sum / n;
  }
  means.sort();
  const tail = (1 - confidence) / 2;
  const estimate = deltas.reduce((sum, delta) => sum + delta, 0) / n;
  return { n, estimate, lower: quantileOfSorted(means, tail), upper: quantileOfSorted(means, 1 - tail), confidence };
}
