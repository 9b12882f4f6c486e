// Loading kaizen.config.ts: found by name, typed checklists with code functions, clear errors.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileChecklist } from '@kaizen/core';
import { afterAll, describe, expect, it } from 'vitest';
import { findConfigFile, loadConfig } from '../src/load-config.js';

// Inside the repo, so the config's own imports (@kaizen/sdk) resolve through node_modules as in a user's project.
const dir = mkdtempSync(join(import.meta.dirname, '.tmp-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadConfig', () => {
  it('loads a TypeScript config whose checklists include custom code checks', async () => {
    writeFileSync(
      join(dir, 'kaizen.config.ts'),
      `import { defineConfig } from '@kaizen/sdk';
const minimumLength: number = 3;
export default defineConfig({
  model: 'sim:schemaorg',
  evaluators: {
    extractor: {
      name: 'extractor',
      passThreshold: 1,
      criteria: [
        { id: 'json', description: 'valid JSON', weight: 1, check: { kind: 'json_valid' } },
        { id: 'long', description: 'long enough', weight: 1, check: { kind: 'custom', fn: (subject) => subject.output.length >= minimumLength } },
      ],
    },
  },
});
`,
    );
    expect(findConfigFile(undefined, {}, dir)).toBe(join(dir, 'kaizen.config.ts'));
    const config = await loadConfig(undefined, {}, dir);
    expect(config.model).toBe('sim:schemaorg');
    const checklist = config.evaluators?.extractor;
    expect(checklist?.criteria.map((criterion) => criterion.id)).toEqual(['json', 'long']);
    const compiled = compileChecklist(checklist as NonNullable<typeof checklist>);
    expect((await compiled.evaluate({ output: '{"a":1}' })).passed).toBe(true);
    expect((await compiled.evaluate({ output: '1' })).results.map((result) => result.status)).toEqual([
      'passed',
      'failed',
    ]);
  });

  it('returns {} without a config file and explains broken ones', async () => {
    const empty = mkdtempSync(join(dir, 'empty-'));
    expect(await loadConfig(undefined, {}, empty)).toEqual({});
    await expect(loadConfig('missing.ts', {}, empty)).rejects.toThrow(/does not exist/);
    writeFileSync(join(empty, 'bad.mjs'), 'export default 42;');
    await expect(loadConfig('bad.mjs', {}, empty)).rejects.toThrow(/export default defineConfig/);
    writeFileSync(join(empty, 'broken.mjs'), 'export default {;');
    await expect(loadConfig(undefined, { KAIZEN_CONFIG: 'broken.mjs' }, empty)).rejects.toThrow(/cannot load/);
  });
});
