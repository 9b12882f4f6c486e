// Guards the honesty rule: evaluation, root-cause analysis and optimization never import the simulator.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const GUARDED = ['packages/core/src/evaluation', 'packages/core/src/rca', 'packages/core/src/optimization'];
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;

/** Imports of the simulator by package path, relative path, or any mention of its task rules. */
const FORBIDDEN = [
  /@kaizen\/models\/simulated/,
  /models\/src\/simulated/,
  /simulated\/tasks/,
  /from\s+['"][^'"]*\/simulated(?:\/[^'"]*)?['"]/,
];

function sourceFiles(directory: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(directory);
  } catch {
    return []; // the module does not exist yet: nothing to guard
  }
  return entries.flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry) ? [path] : [];
  });
}

describe('no simulator imports in evaluation, rca and optimization', () => {
  const files = GUARDED.flatMap((folder) => sourceFiles(join(ROOT, folder)));

  it('scans the guarded folders (possibly zero files while they do not exist)', () => {
    expect(files.every((file) => GUARDED.some((folder) => relative(ROOT, file).startsWith(folder)))).toBe(true);
  });

  it('finds no import of the simulator and no mention of its task rules', () => {
    const offenders = files.filter((file) => {
      const text = readFileSync(file, 'utf8');
      return FORBIDDEN.some((pattern) => pattern.test(text));
    });
    expect(offenders.map((file) => relative(ROOT, file))).toEqual([]);
  });

  it('would catch an offending import', () => {
    const sample =
      "import { createSimulatedModel } from '@kaizen/models/simulated';\nimport x from '../../models/src/simulated/tasks/schemaorg/rules.js';";
    expect(FORBIDDEN.some((pattern) => pattern.test(sample))).toBe(true);
  });
});
