// The envelope of every list answer of the HTTP API: `{ items }`.

/**
 * A list answer: `{ items }` (`GET /api/prompts`, `/api/datasets`, `/api/experiments`, …).
 *
 * @example
 * const list: Items<PromptSummary> = await (await fetch('/api/prompts')).json();
 * list.items.map((prompt) => prompt.name);
 */
export interface Items<T> {
  readonly items: readonly T[];
}
