// Shared fixtures for the simulator's tests: a small product page and a one-call runner.
import type { SimulatedOptions } from '../../src/simulated/index.js';
import { type SchemaorgRun, simulateSchemaorg } from '../../src/simulated/index.js';

/** schema.org's Kenmore microwave example: a price, a visible rating, no telephone. */
export const PRODUCT_PAGE = `<!DOCTYPE html>
<html><head><title>Kenmore White 17" Microwave | Example Shop</title>
<meta name="description" content="0.7 cubic feet countertop microwave with six preset cooking categories."></head>
<body>
<h1>Kenmore White 17" Microwave</h1>
<img src="kenmore-microwave-17in.jpg" alt='Kenmore 17" Microwave'>
<p>Rated 3.5/5 based on 11 customer reviews</p>
<p>$55.00</p>
<p>In stock</p>
<p>SKU: KM-17-W</p>
<p>Brand: Kenmore</p>
<button>Add to cart</button>
</body></html>`;

/** A short recipe page with an author, for nesting tests. */
export const RECIPE_PAGE = `<!DOCTYPE html>
<html><body>
<h1>Mom's World Famous Banana Bread</h1>
<p>By John Smith, May 8, 2009</p>
<p>This classic banana bread recipe comes from my mom; the walnuts add a nice texture.</p>
<p>Prep Time: 15 minutes</p>
<p>Cook time: 1 hour</p>
<h2>Ingredients</h2>
<ul><li>3 ripe bananas</li><li>1 egg</li><li>3/4 cup of sugar</li></ul>
<h2>Instructions</h2>
<ol><li>Preheat the oven to 350 degrees.</li><li>Mix and bake for one hour.</li></ol>
</body></html>`;

/**
 * Runs the schemaorg task once with `system` as the system prompt and the page as the user message; noise off
 * unless the options say otherwise, so behaviour tests see only the rules they test.
 */
export function run(system: string, options: SimulatedOptions = {}, page = PRODUCT_PAGE, seed = 0): SchemaorgRun {
  return simulateSchemaorg({
    messages: [
      { role: 'system', text: system },
      { role: 'user', text: `Mark up this page:\n\n${page}` },
    ],
    seed,
    responseFormat: undefined,
    options: { noise: 0, ...options },
  });
}

/** The JSON object in an answer: the whole text, else the first fenced or brace-delimited block. */
export function extractJson(text: string): Record<string, unknown> | undefined {
  const candidates = [text, /```(?:json)?\n([\s\S]*?)\n```/.exec(text)?.[1], /\{[\s\S]*\}/.exec(text)?.[0]];
  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    try {
      const value: unknown = JSON.parse(candidate);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // not this candidate
    }
  }
  return undefined;
}
