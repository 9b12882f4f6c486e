// Guards the honesty rule: the optimizer simulator never imports the task simulators (their rules, their phrases).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const HERE = dirname(fileURLToPath(import.meta.url));
const TASKS = resolve(HERE, '..');
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;

interface ImportLine {
  readonly specifier: string;
  /** `import type …` / `export type …`: erased at runtime, so no behaviour can come through it. */
  readonly typeOnly: boolean;
}

/** The module specifiers of a file's import and re-export statements, dynamic imports and requires. */
function importsOf(text: string): ImportLine[] {
  const found: ImportLine[] = [];
  for (const match of text.matchAll(/^[ \t]*(?:import|export)\s+(type\s+)?[^;'"`]*?\bfrom\s*['"]([^'"]+)['"]/gm)) {
    found.push({ specifier: match[2] ?? '', typeOnly: match[1] !== undefined });
  }
  for (const match of text.matchAll(/^[ \t]*import\s*['"]([^'"]+)['"]/gm)) {
    found.push({ specifier: match[1] ?? '', typeOnly: false });
  }
  for (const match of text.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push({ specifier: match[1] ?? '', typeOnly: false });
  }
  return found;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

/** The file a relative specifier names (`./x.js` is `./x.ts` in source), or null for a package. */
function resolveRelative(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = resolve(dirname(from), specifier);
  const candidates = [target, target.replace(/\.js$/, '.ts'), `${target}.ts`, join(target, 'index.ts')];
  return candidates.find((candidate) => existsSync(candidate)) ?? target;
}

/** Which task folder a path lies in (`schemaorg`, `optimizer`…), or null outside `tasks/`. */
function taskFolderOf(path: string): string | null {
  const inside = relative(TASKS, path);
  if (inside.startsWith('..')) return null;
  return inside.split(sep)[0] ?? null;
}

/** Why an import breaks the rule, or null when it does not. */
function offence(from: string, line: ImportLine): string | null {
  if (/@kaizen\/models(?:\/|$)/.test(line.specifier)) return 'imports the models package, which holds the simulators';
  if (!line.specifier.startsWith('.') && /\btasks\//.test(line.specifier)) return 'names a task folder';
  const target = resolveRelative(from, line.specifier);
  if (target === null) return null;
  const folder = taskFolderOf(target);
  return folder !== null && folder !== 'optimizer' ? `imports tasks/${folder}` : null;
}

describe('tasks/optimizer imports no other task', () => {
  const files = sourceFiles(HERE);

  it('scans every file of the folder, tests included', () => {
    expect(files.map((file) => relative(HERE, file))).toEqual(
      expect.arrayContaining(['optimizer-task.ts', 'propose-reflection.ts', 'optimizer-imports.test.ts']),
    );
  });

  it('finds no import line of another task folder in any file', () => {
    const offenders = files.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8')).flatMap((line) => {
        const why = offence(file, line);
        return why === null ? [] : [`${relative(HERE, file)}: ${line.specifier} (${why})`];
      }),
    );
    expect(offenders).toEqual([]);
  });

  it('reaches no other task through the modules it imports (runtime imports, followed transitively)', () => {
    const seen = new Set<string>();
    const queue = files.filter((file) => !/\.test\.[jt]s$/.test(file));
    while (queue.length > 0) {
      const file = queue.pop();
      if (file === undefined || seen.has(file)) continue;
      seen.add(file);
      for (const line of importsOf(readFileSync(file, 'utf8'))) {
        if (line.typeOnly) continue;
        const target = resolveRelative(file, line.specifier);
        if (target !== null && existsSync(target)) queue.push(target);
      }
    }
    const reached = [...seen].map((file) => taskFolderOf(file)).filter((folder) => folder !== null);
    expect(new Set(reached)).toEqual(new Set(['optimizer']));
  });

  it('would catch an offending import', () => {
    const file = join(HERE, 'example.ts');
    const sample = [
      "import { SCHEMAORG_RULE_NAMES } from '../schemaorg/rules.js';",
      'import {\n  REMINDER_EFFECT,\n} from "../ifeval/read-reminders.js";',
      "export { judgeTask } from '../judge/judge-task.js';",
      // Spelled through a placeholder so this file's own text holds no dynamic import of another task.
      `const lazy = await ${'import'}('../schemaorg/instruction-families.js');`,
      "import { simulateIfeval } from '@kaizen/models/simulated';",
    ].join('\n');
    const lines = importsOf(sample);
    expect(lines).toHaveLength(5);
    expect(lines.map((line) => offence(file, line)).sort()).toEqual([
      'imports tasks/ifeval',
      'imports tasks/judge',
      'imports tasks/schemaorg',
      'imports tasks/schemaorg',
      'imports the models package, which holds the simulators',
    ]);
    expect(offence(file, { specifier: './pick.js', typeOnly: false })).toBeNull();
    expect(offence(file, { specifier: '../../seeded-hash.js', typeOnly: false })).toBeNull();
  });
});
