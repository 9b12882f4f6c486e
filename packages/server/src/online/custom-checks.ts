// Custom checks come from the server's kaizen.config.ts: the registry stores only their names (criterion ids).
import type { Checklist, CustomCheckFunction } from '@kaizen/core';

/** The implementation of custom check `checkName` of evaluator `evaluatorName`, if the loaded config has it. */
export type CustomCheckResolver = (evaluatorName: string, checkName: string) => CustomCheckFunction | undefined;

/**
 * Looks an evaluator up by its key in `evaluators` (the name `kaizen evaluators push` registers), else by its
 * checklist name; the check is the custom criterion with that id.
 *
 * @example
 * const resolve = customChecksFromConfig(config.evaluators);
 * resolve('support', 'short'); // the function of criterion "short"
 */
export function customChecksFromConfig(
  evaluators: Readonly<Record<string, Checklist>> | undefined,
): CustomCheckResolver {
  const byName = new Map<string, Map<string, CustomCheckFunction>>();
  for (const [key, checklist] of Object.entries(evaluators ?? {})) {
    const checks = new Map<string, CustomCheckFunction>();
    for (const criterion of checklist.criteria ?? []) {
      if (criterion.check?.kind === 'custom' && typeof criterion.check.fn === 'function') {
        checks.set(criterion.id, criterion.check.fn);
      }
    }
    byName.set(key, checks);
    if (!byName.has(checklist.name)) byName.set(checklist.name, checks);
  }
  return (evaluatorName, checkName) => byName.get(evaluatorName)?.get(checkName);
}

export function missingCustomCheck(evaluatorName: string, checkName: string): string {
  return (
    `custom check "${checkName}" of evaluator "${evaluatorName}" has no implementation on this server: start it ` +
    'with `kaizen serve --config kaizen.config.ts` (the config that defines the evaluator)'
  );
}
