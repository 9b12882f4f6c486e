// Finds and loads kaizen.config.ts (or .mjs/.js) — evaluators and defaults defined in code.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { KaizenError } from '@kaizen/core';
import type { KaizenConfig } from '@kaizen/sdk';
import type { LoadedConfig } from './settings.js';

export const CONFIG_FILES = ['kaizen.config.ts', 'kaizen.config.mts', 'kaizen.config.mjs', 'kaizen.config.js'] as const;

/** The config file in use: `--config`, else KAIZEN_CONFIG, else the first CONFIG_FILES entry found in `cwd`. */
export function findConfigFile(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string | null {
  const explicit = flag !== undefined && flag !== '' ? flag : env.KAIZEN_CONFIG;
  if (explicit !== undefined && explicit !== '') {
    const path = resolve(cwd, explicit);
    if (!existsSync(path)) {
      const source = explicit === flag ? '--config' : 'KAIZEN_CONFIG';
      throw new KaizenError(
        'invalid_input',
        `config file ${explicit} (from ${source}) does not exist: fix ${source}, or drop it to use ./kaizen.config.ts`,
      );
    }
    return path;
  }
  for (const name of CONFIG_FILES) {
    const path = resolve(cwd, name);
    if (existsSync(path)) return path;
  }
  return null;
}

/**
 * Loads the config's default export (the bin registers tsx, so a .ts file imports directly). No file → `{}`.
 *
 * @example
 * const config = await loadConfig(options.config, process.env, process.cwd());
 * const checklist = config.evaluators?.extractor;
 */
export async function loadConfig(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): Promise<KaizenConfig> {
  return (await loadConfigFile(flag, env, cwd)).config;
}

/**
 * Like loadConfig, with the path of the file read (null when none), for messages that say where a value came from.
 *
 * @example
 * const { config, path } = await loadConfigFile(options.config, process.env, process.cwd());
 */
export async function loadConfigFile(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<LoadedConfig> {
  const path = findConfigFile(flag, env, cwd);
  if (path === null) return { config: {}, path: null };
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(path).href)) as { default?: unknown };
  } catch (error) {
    throw new KaizenError('invalid_input', `cannot load ${path}: ${(error as Error).message}`, { cause: error });
  }
  const config = module.default;
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new KaizenError('invalid_input', `${path} must \`export default defineConfig({ … })\``);
  }
  const evaluators = (config as KaizenConfig).evaluators;
  if (evaluators !== undefined && (typeof evaluators !== 'object' || evaluators === null)) {
    throw new KaizenError('invalid_input', `${path}: "evaluators" must be an object of checklists by name`);
  }
  return { config: config as KaizenConfig, path };
}
