// Test helper: reads the schemaorg fixture pages (fixtures/schemaorg/schemaorg.jsonl) from disk.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface SchemaorgItem {
  readonly id: string;
  readonly html: string;
  readonly types: readonly string[];
  readonly main_types: readonly string[] | null;
}

export const SCHEMAORG_FIXTURE = fileURLToPath(
  new URL('../../../../fixtures/schemaorg/schemaorg.jsonl', import.meta.url),
);

/**
 * One item per line; only the fields tests use are typed. `expected` stays on disk: the simulator never sees it.
 *
 * @example
 * const items = loadSchemaorgItems(); // 92 items
 */
export function loadSchemaorgItems(path: string = SCHEMAORG_FIXTURE): SchemaorgItem[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as SchemaorgItem);
}
