// Guards that sim:ifeval reads the prompt text only: its source never opens the fixture or reads its labels or kwargs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const IFEVAL = fileURLToPath(new URL('../../src/simulated/tasks/ifeval', import.meta.url));
/** The fields that hold the fixture's instructions, parameters and GPT-4's labels. */
const FIXTURE_FIELDS = /instruction_id_list|per_instruction|follow_all|labels\.strict|\.kwargs\[/;
/** Reading files at all, or naming the fixture outside the base-rate table (which says where its numbers come from). */
const FILE_ACCESS = /from\s+['"]node:|readFileSync|ifeval-gpt4\.jsonl/;

const sources = readdirSync(IFEVAL)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => ({ name, text: readFileSync(join(IFEVAL, name), 'utf8') }));

describe('sim:ifeval reads prompts, not the dataset', () => {
  it('never mentions the fixture label fields in its source', () => {
    expect(sources.length).toBeGreaterThan(20);
    expect(sources.filter((source) => FIXTURE_FIELDS.test(source.text)).map((source) => source.name)).toEqual([]);
  });

  it('reads no file: the fixture is named only as the provenance of the base-rate table', () => {
    const offenders = sources.filter((source) => source.name !== 'base-rates.ts' && FILE_ACCESS.test(source.text));
    expect(offenders.map((source) => source.name)).toEqual([]);
    expect(sources.find((source) => source.name === 'base-rates.ts')?.text).not.toMatch(
      /from\s+['"]node:|readFileSync/,
    );
  });
});
