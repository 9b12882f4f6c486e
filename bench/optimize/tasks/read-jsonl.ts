// Reads a JSON Lines fixture of the repository.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The parsed lines of `fixtures/<relative>`, blank lines skipped. */
export function readFixture(relative: string): unknown[] {
  const path = fileURLToPath(new URL(`../../../fixtures/${relative}`, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      try {
        return JSON.parse(line) as unknown;
      } catch (error) {
        throw new Error(`${path}:${index + 1}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
}
