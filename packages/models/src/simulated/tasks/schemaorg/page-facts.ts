// What the simulator reads off a page before deciding what to write: visible facts only.
import type { PriceFact } from './extract-price.js';
import type { RatingFact } from './extract-rating.js';
import type { PageLine } from './read-html.js';

export interface RecipeFacts {
  readonly ingredients: readonly string[];
  readonly instructions: readonly string[];
  readonly prepTime: string | undefined;
  readonly cookTime: string | undefined;
  readonly totalTime: string | undefined;
  readonly recipeYield: string | undefined;
  readonly calories: string | undefined;
}

export interface PageFacts {
  readonly name: string | undefined;
  readonly description: string | undefined;
  readonly image: string | undefined;
  readonly url: string | undefined;
  readonly siteName: string | undefined;
  /** Open Graph `og:type` ("article", "product", "video.movie"…), a strong type cue when present. */
  readonly ogType: string | undefined;
  readonly author: string | undefined;
  readonly datePublished: string | undefined;
  readonly dateModified: string | undefined;
  readonly keywords: string | undefined;
  readonly price: PriceFact | undefined;
  readonly availability: 'InStock' | 'OutOfStock' | undefined;
  readonly rating: RatingFact | undefined;
  readonly telephone: string | undefined;
  readonly email: string | undefined;
  readonly address: string | undefined;
  /** The line naming a place just before its address ("The Hi-Dive"). */
  readonly placeName: string | undefined;
  /** The first date with a time of day on the page (events). */
  readonly startDate: string | undefined;
  readonly recipe: RecipeFacts;
  /** "Label: value" pairs, lowercased labels. */
  readonly labels: ReadonlyMap<string, string>;
  /** The page's own content lines (site chrome left out). */
  readonly lines: readonly PageLine[];
  /** Lowercased title, metadata and opening text, for type cues. */
  readonly cueText: string;
}
