// Guards that the simulator derives answers from the page: its source never reads the dataset's answer fields.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SIMULATOR = fileURLToPath(new URL('../../src/simulated', import.meta.url));
/** Fields of fixtures/schemaorg items that hold the answer or hints about it. */
const ANSWER_FIELDS =
  /\bmain_types\b|\ball_types\b|\bannotations\b|\bcoverage_\w+|\.expected\b|\[['"]expected['"]\]|\bmarkup_formats\b/;

function files(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return files(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the simulator reads pages, not answers', () => {
  it('never mentions the fixture answer fields in its source', () => {
    const sources = files(SIMULATOR);
    expect(sources.length).toBeGreaterThan(10);
    expect(sources.filter((file) => ANSWER_FIELDS.test(readFileSync(file, 'utf8')))).toEqual([]);
  });
});
