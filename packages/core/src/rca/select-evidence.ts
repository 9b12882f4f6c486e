// Evidence for a cause: representative failing traces and, for contrast, the passing traces that resemble them most.
import { type EncodedItems, FAILED, PASSED } from './encode-items.js';
import type { EvidenceTrace, RcaItem } from './rca-types.js';

const EXCERPT_LENGTH = 240;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH - 1)}…`;
}

function failingExcerpt(item: RcaItem, criteria: readonly string[]): string {
  for (const id of criteria) {
    const rationale = item.rationales?.[id];
    if (item.results[id] === 'failed' && rationale !== undefined && rationale !== '') return clip(rationale);
  }
  return clip(item.excerpts?.output ?? item.excerpts?.input ?? '');
}

/**
 * Failing traces that carry the most of the cause's driver values (ties: input order); for each, the not yet chosen
 * passing trace sharing the most feature values with it.
 * @example
 * selectEvidence(items, encoded, statuses, ['json'], new Set([4, 9]), 5);
 */
export function selectEvidence(
  items: readonly RcaItem[],
  encoded: EncodedItems,
  causeStatuses: Int8Array,
  criteria: readonly string[],
  driverValueIds: ReadonlySet<number>,
  limit: number,
): { failing: EvidenceTrace[]; passingContrast: EvidenceTrace[] } {
  const featureCount = encoded.featureNames.length;
  const { codes } = encoded;
  const driverHits = (item: number): number => {
    let hits = 0;
    for (let feature = 0; feature < featureCount; feature += 1) {
      if (driverValueIds.has(codes[item * featureCount + feature] as number)) hits += 1;
    }
    return hits;
  };
  // Keep the best `limit` failing items in one pass (a small insertion list instead of a full sort).
  const chosen: { item: number; hits: number }[] = [];
  const passing: number[] = [];
  for (let item = 0; item < encoded.itemCount; item += 1) {
    const status = causeStatuses[item];
    if (status === PASSED) passing.push(item);
    if (status !== FAILED) continue;
    const hits = driverValueIds.size === 0 ? 0 : driverHits(item);
    if (chosen.length === limit && (chosen[chosen.length - 1]?.hits ?? 0) >= hits) continue;
    let at = chosen.length;
    while (at > 0 && (chosen[at - 1]?.hits ?? 0) < hits) at -= 1;
    chosen.splice(at, 0, { item, hits });
    if (chosen.length > limit) chosen.pop();
  }
  const used = new Set<number>();
  const contrast: number[] = [];
  for (const { item } of chosen) {
    let best = -1;
    let bestShared = -1;
    for (const candidate of passing) {
      if (used.has(candidate)) continue;
      let shared = 0;
      for (let feature = 0; feature < featureCount; feature += 1) {
        const code = codes[item * featureCount + feature] as number;
        if (code >= 0 && code === codes[candidate * featureCount + feature]) shared += 1;
      }
      if (shared > bestShared) {
        best = candidate;
        bestShared = shared;
        if (shared === featureCount) break;
      }
    }
    if (best < 0) break;
    used.add(best);
    contrast.push(best);
  }
  const item = (index: number): RcaItem => items[index] as RcaItem;
  return {
    failing: chosen.map(({ item: index }) => ({
      traceId: item(index).traceId,
      excerpt: failingExcerpt(item(index), criteria),
    })),
    passingContrast: contrast.map((index) => ({
      traceId: item(index).traceId,
      excerpt: clip(item(index).excerpts?.output ?? item(index).excerpts?.input ?? ''),
    })),
  };
}
