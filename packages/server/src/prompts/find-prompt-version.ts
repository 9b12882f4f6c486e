// The prompt version a run request names: a version number, a label, or (neither) the latest version.
import { KaizenError, type PromptVersion } from '@kaizen/core';
import type { Store } from '@kaizen/store';

export interface PromptVersionRef {
  readonly name: string;
  readonly version?: number | undefined;
  readonly label?: string | undefined;
}

/**
 * Rejects with `not_found` (naming what was asked for) when there is no such version.
 * @example
 * const version = await findPromptVersion(store, projectId, { name: 'extractor', label: 'production' });
 */
export async function findPromptVersion(
  store: Store,
  projectId: string,
  ref: PromptVersionRef,
): Promise<PromptVersion> {
  const { prompts } = store;
  const { name } = ref;
  if (ref.version !== undefined) {
    const found = await prompts.getVersion(projectId, name, ref.version);
    if (found === null) throw new KaizenError('not_found', `prompt "${name}" has no version ${ref.version}`);
    return found;
  }
  if (ref.label !== undefined) {
    const found = await prompts.getVersionByLabel(projectId, name, ref.label);
    if (found === null) throw new KaizenError('not_found', `prompt "${name}" has no label "${ref.label}"`);
    return found;
  }
  const latest = (await prompts.getPrompt(projectId, name))?.versions[0];
  const found = latest === undefined ? null : await prompts.getVersion(projectId, name, latest.version);
  if (found === null) throw new KaizenError('not_found', `prompt "${name}" not found`);
  return found;
}
