import { describe, expect, it } from 'vitest';
import type { DemoPage } from './demo-pages.js';
import { planTraffic } from './demo-traffic.js';

const pages: DemoPage[] = Array.from({ length: 10 }, (_, index) => ({
  id: `page-${index}`,
  url: null,
  html: `<p>${index}</p>`,
  section: 'other',
  mainTypes: ['Thing'],
}));
const NOW = Date.parse('2026-03-02T12:00:00Z');
const DAY = 24 * 3_600_000;

describe('planTraffic', () => {
  it('spreads the calls over the last 24 hours, oldest first, every page at least once', () => {
    const plan = planTraffic(pages, 200, NOW);
    expect(plan).toHaveLength(200);
    expect(new Set(plan.map((call) => call.page.id)).size).toBe(10);
    for (const [index, call] of plan.entries()) {
      expect(call.at).toBeGreaterThanOrEqual(NOW - DAY);
      expect(call.at).toBeLessThan(NOW);
      if (index > 0) expect(call.at).toBeGreaterThanOrEqual(plan[index - 1]?.at ?? 0);
    }
  });

  it('is busier in the afternoon than at night, and some pages are more popular than others', () => {
    const plan = planTraffic(pages, 2000, NOW);
    const hour = (call: { at: number }) => new Date(call.at).getUTCHours();
    const night = plan.filter((call) => hour(call) < 5).length;
    const afternoon = plan.filter((call) => hour(call) >= 13 && hour(call) < 18).length;
    expect(afternoon).toBeGreaterThan(3 * night);
    const counts = new Map<string, number>();
    for (const call of plan) counts.set(call.page.id, (counts.get(call.page.id) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeGreaterThan(3 * Math.min(...counts.values()));
  });

  it('plans the same day for the same seed, another for another seed', () => {
    const ids = (seed: number) => planTraffic(pages, 50, NOW, seed).map((call) => `${call.page.id}@${call.at}`);
    expect(ids(0)).toEqual(ids(0));
    expect(ids(1)).not.toEqual(ids(0));
  });

  it('plans fewer calls than pages without repeating one', () => {
    const plan = planTraffic(pages, 4, NOW);
    expect(new Set(plan.map((call) => call.page.id)).size).toBe(4);
  });
});
