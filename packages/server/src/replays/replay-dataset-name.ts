// The dataset that holds a prompt's replay inputs: one per prompt, a new version per replay run.
import { createHash } from 'node:crypto';

const MAX_NAME = 128;
const PREFIX = 'replay.';

/**
 * `replay.<prompt>`; a prompt name too long for the prefix is cut and suffixed with a hash of the whole name.
 * @example
 * replayDatasetName('extractor'); // 'replay.extractor'
 */
export function replayDatasetName(promptName: string): string {
  const name = `${PREFIX}${promptName}`;
  if (name.length <= MAX_NAME) return name;
  const hash = createHash('sha256').update(promptName).digest('hex').slice(0, 8);
  return `${name.slice(0, MAX_NAME - hash.length - 1)}-${hash}`;
}
