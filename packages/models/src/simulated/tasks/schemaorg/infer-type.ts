// Decides which schema.org type a page is about, from cues on the page, optionally within allowed types.
import type { PageFacts } from './page-facts.js';
import { ancestry, isSubtypeOf } from './schema-types.js';
import { TYPE_CUES } from './type-cues.js';

/** Evidence beyond words: what the page's facts and Open Graph type say. */
function factBoosts(facts: PageFacts): Record<string, number> {
  const og = facts.ogType ?? '';
  const has = (...labels: string[]) => labels.some((label) => facts.labels.has(label));
  return {
    Product:
      (facts.price !== undefined ? 1 : 0) + (facts.availability !== undefined ? 2 : 0) + (og === 'product' ? 5 : 0),
    Recipe: (facts.recipe.ingredients.length >= 3 ? 5 : 0) + ((facts.recipe.prepTime ?? facts.recipe.cookTime) ? 3 : 0),
    Article: (facts.author !== undefined && facts.datePublished !== undefined ? 2 : 0) + (og === 'article' ? 3 : 0),
    Event: facts.startDate !== undefined ? 2 : 0,
    Movie: (og.startsWith('video') ? 5 : 0) + (has('director', 'stars') ? 3 : 0),
    Book: (og === 'book' ? 5 : 0) + (has('isbn') ? 5 : 0),
    Person: og === 'profile' ? 3 : 0,
    JobPosting: has('salary', 'responsibilities', 'industry') ? 3 : 0,
    LocalBusiness: facts.telephone !== undefined && facts.address !== undefined && facts.price === undefined ? 2 : 0,
  };
}

/**
 * Each candidate type's score: its own cues plus those of its ancestors in the table, so a subtype only beats its
 * parent when something on the page speaks for it.
 *
 * @example
 * scoreTypes(parsePage(recipeHtml)).get('Recipe'); // the highest score on a recipe page
 */
export function scoreTypes(facts: PageFacts): Map<string, number> {
  const boosts = factBoosts(facts);
  const own = new Map<string, number>();
  for (const [type, cues] of Object.entries(TYPE_CUES)) {
    const cueScore = cues.reduce((sum, [cue, weight]) => sum + (cue.test(facts.cueText) ? weight : 0), 0);
    own.set(type, cueScore + (boosts[type] ?? 0));
  }
  const total = new Map<string, number>();
  for (const type of own.keys()) {
    total.set(
      type,
      ancestry(type).reduce((sum, ancestor) => sum + (own.get(ancestor) ?? 0), 0),
    );
  }
  return total;
}

/**
 * The best type: the highest score among the candidates (ties go to the more general type, then to list order).
 * An allowed type scores as well as its best-scoring subtype, so "Article" wins a news page when only it is allowed.
 *
 * @example
 * pickType(scores, { allowed: ['Recipe', 'Product'], forbidden: [] }); // 'Recipe' on a recipe page
 */
export function pickType(
  scores: ReadonlyMap<string, number>,
  options: { allowed: readonly string[]; forbidden: readonly string[] },
): string {
  const known = [...scores.keys()];
  const candidates = (options.allowed.length > 0 ? options.allowed : known).filter(
    (type) => !options.forbidden.includes(type),
  );
  let best = candidates[0] ?? 'WebPage';
  let bestScore = 0;
  let bestDepth = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const score =
      options.allowed.length > 0
        ? Math.max(0, ...known.filter((type) => isSubtypeOf(type, candidate)).map((type) => scores.get(type) ?? 0))
        : (scores.get(candidate) ?? 0);
    const depth = ancestry(candidate).length;
    if (score > bestScore || (score === bestScore && score > 0 && depth < bestDepth)) {
      best = candidate;
      bestScore = score;
      bestDepth = depth;
    }
  }
  return bestScore > 0 || options.allowed.length > 0 ? best : 'WebPage';
}
