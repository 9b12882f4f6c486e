// "A day of production": the demo app's calls over the fixture pages, planned over the last 24 hours (busier in the
// afternoon, popular pages more often) and run through the SDK, each traced at its planned time.
import type { KaizenClient } from '@kaizen/sdk';
import type { DemoPage } from './demo-pages.js';
import type { DemoPrompt } from './demo-prompt.js';
import { shiftTracer } from './demo-time-shift.js';

const HOUR_MS = 3_600_000;
/** Relative traffic per UTC hour: quiet at night, busiest in the afternoon. */
const HOURLY_WEIGHTS = [
  0.25, 0.2, 0.15, 0.15, 0.2, 0.3, 0.45, 0.65, 0.85, 0.95, 1, 1, 0.95, 1, 1, 1, 0.95, 0.9, 0.8, 0.75, 0.65, 0.55, 0.45,
  0.35,
];

export interface PlannedCall {
  /** When the call "happened" (epoch ms), within the last 24 hours. */
  readonly at: number;
  readonly page: DemoPage;
}

/** mulberry32: a small seeded generator, so the same seed plans the same day. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(items: readonly T[], weights: readonly number[], random: () => number): T {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let target = random() * total;
  for (const [index, item] of items.entries()) {
    target -= weights[index] ?? 0;
    if (target <= 0) return item;
  }
  return items[items.length - 1] as T;
}

/**
 * Every page once (so the day covers the whole site), the rest drawn with Zipf-like popularity; times drawn per
 * hour of the day by HOURLY_WEIGHTS, in the 24 hours before `now`, oldest first.
 *
 * @example
 * planTraffic(pages, 240, Date.now()); // [{ at: 1767200000000, page }, …] sorted by `at`
 */
export function planTraffic(pages: readonly DemoPage[], calls: number, now: number, seed = 0): PlannedCall[] {
  const random = seededRandom(seed);
  // A seeded shuffle ranks the pages by popularity.
  const ranked = pages
    .map((page) => ({ page, key: random() }))
    .sort((left, right) => left.key - right.key)
    .map((entry) => entry.page);
  const popularity = ranked.map((_, rank) => 1 / (rank + 1) ** 0.8);
  const chosen = [
    ...ranked.slice(0, Math.min(calls, ranked.length)),
    ...Array.from({ length: Math.max(0, calls - ranked.length) }, () => pick(ranked, popularity, random)),
  ];
  // The 24 hour slots before now, each weighted by the UTC hour it falls in.
  const start = now - 24 * HOUR_MS;
  const slots = Array.from({ length: 24 }, (_, index) => start + index * HOUR_MS);
  const slotWeights = slots.map((slot) => HOURLY_WEIGHTS[new Date(slot).getUTCHours()] ?? 1);
  const margin = 60_000;
  return chosen
    .map((page) => {
      const slot = pick(slots, slotWeights, random);
      return { page, at: Math.min(now - margin, Math.round(slot + random() * HOUR_MS)) };
    })
    .sort((left, right) => left.at - right.at);
}

export interface TrafficResult {
  readonly calls: number;
  readonly failed: number;
  /** The first failure's message, when any call failed (a real model's error, a network error). */
  readonly firstError: string | null;
  readonly pages: number;
  readonly from: string;
  readonly to: string;
}

export interface TrafficOptions {
  readonly concurrency: number;
  readonly onProgress: (done: number, failed: number) => void;
}

/**
 * Runs the planned calls with `prompt().generate`, `concurrency` at a time; each call's spans are stamped at its
 * planned time (shiftTracer), so the traces spread over the day as real traffic would.
 */
export async function runTraffic(
  kaizen: KaizenClient,
  extractor: DemoPrompt,
  plan: readonly PlannedCall[],
  options: TrafficOptions,
): Promise<TrafficResult> {
  let next = 0;
  let done = 0;
  let failed = 0;
  let firstError: string | null = null;
  const worker = async () => {
    for (let call = plan[next++]; call !== undefined; call = plan[next++]) {
      const client = {
        api: kaizen.api,
        environment: kaizen.environment,
        promptCache: kaizen.promptCache,
        logger: kaizen.logger,
        tracer: shiftTracer(kaizen.tracer, call.at - Date.now()),
      };
      try {
        await extractor.generate(
          client,
          { html: call.page.html, url: call.page.url },
          { metadata: { section: call.page.section, pageId: call.page.id } },
        );
      } catch (error) {
        failed += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
      done += 1;
      options.onProgress(done, failed);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  return {
    calls: plan.length,
    failed,
    firstError,
    pages: new Set(plan.map((call) => call.page.id)).size,
    from: new Date(plan[0]?.at ?? Date.now()).toISOString(),
    to: new Date(plan.at(-1)?.at ?? Date.now()).toISOString(),
  };
}
