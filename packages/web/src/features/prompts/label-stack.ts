// Where a rollback would take a label: the store keeps a stack per label (promote pushes, rollback pops), replayed
// here from the audit log so the confirmation can name the version before the click.
import type { LabelEvent } from './prompt-types';

/**
 * The version a rollback of `label` returns to, or null when it has none. `history` is newest first, as the API gives it.
 * @example
 * rollbackTarget(history, 'production'); // 2 after promotes to 2 and 3
 */
export function rollbackTarget(history: readonly LabelEvent[], label: string): number | null {
  const stack: number[] = [];
  for (let index = history.length - 1; index >= 0; index--) {
    const event = history[index];
    if (event === undefined || event.label !== label) continue;
    if (event.kind === 'promote') stack.push(event.toVersion);
    else stack.pop();
  }
  return stack.length >= 2 ? (stack[stack.length - 2] ?? null) : null;
}
