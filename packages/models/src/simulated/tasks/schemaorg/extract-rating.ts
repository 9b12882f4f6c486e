// Finds a rating the page shows to its readers ("Rated 3.5/5 based on 11 reviews", "4.7 (3592 Reviews)").

export interface RatingFact {
  readonly ratingValue: string;
  readonly ratingCount: string | undefined;
  readonly bestRating: string | undefined;
}

const SCALED = /\b(\d(?:[.,]\d{1,2})?)\s*(?:\/|out of|of|von|sur|de)\s*(5|10)\b(?:\s*stars?)?/i;
const COUNT =
  /\(?\b(\d[\d,.]*)\s*(?:customer\s+|user\s+)?(?:reviews?|ratings?|votes?|users|bewertungen|avis|opiniones)\b\)?/i;
const BARE_VALUE = /^(\d\.\d{1,2})$/;

/**
 * @example
 * findRating(['Rated 3.5/5 based on 11 customer reviews']); // { ratingValue: '3.5', ratingCount: '11', bestRating: '5' }
 * findRating(['4.7', '(3592 Reviews)']); // { ratingValue: '4.7', ratingCount: '3592', bestRating: undefined }
 */
export function findRating(lines: readonly string[]): RatingFact | undefined {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const scaled = SCALED.exec(line);
    if (scaled?.[1] !== undefined && /rat|star|review|vote|user|score|bewert|note/i.test(line)) {
      return {
        ratingValue: scaled[1].replace(',', '.'),
        ratingCount: COUNT.exec(line)?.[1]?.replace(/[,.]/g, ''),
        bestRating: scaled[2],
      };
    }
    const bare = BARE_VALUE.exec(line)?.[1];
    const count = COUNT.exec(lines[index + 1] ?? '')?.[1];
    if (bare !== undefined && count !== undefined && Number(bare) <= 5) {
      return { ratingValue: bare, ratingCount: count.replace(/[,.]/g, ''), bestRating: undefined };
    }
  }
  return undefined;
}
