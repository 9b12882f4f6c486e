// Where every setting comes from, in one order for every command: flag > environment variable > kaizen.config.ts >
// default. The table below is the single list of those names; docs/architecture/cli.md mirrors it.
import { KaizenError } from '@kaizen/core';
import type { KaizenConfig } from '@kaizen/sdk';

/** The names one setting goes by: its flag, its environment variable and its key in kaizen.config.ts. */
export interface SettingNames {
  readonly flag?: string;
  readonly env?: string;
  readonly config?: keyof KaizenConfig;
}

export const SETTINGS = {
  url: { flag: '--url', env: 'KAIZEN_URL', config: 'url' },
  apiKey: { flag: '--api-key', env: 'KAIZEN_API_KEY' },
  config: { flag: '--config', env: 'KAIZEN_CONFIG' },
  dataDir: { flag: '--data', env: 'KAIZEN_DATA_DIR' },
  // No flag: a connection string with a password would show in `ps` and the shell history.
  databaseUrl: { env: 'KAIZEN_DATABASE_URL' },
  // The model of a prompt version that names none; `--model` is not this setting but an override of every version.
  defaultModel: { env: 'KAIZEN_MODEL', config: 'model' },
  optimizerModel: { flag: '--optimizer-model', env: 'KAIZEN_OPTIMIZER_MODEL', config: 'optimizerModel' },
  // No config key yet (KaizenConfig has none): flag > environment.
  retentionDays: { flag: '--retention-days', env: 'KAIZEN_RETENTION_DAYS' },
  // The same in every process of a deployment (docs/architecture/jobs.md), so no per-command flag.
  jobLeaseSeconds: { env: 'KAIZEN_JOB_LEASE_SECONDS' },
} as const satisfies Record<string, SettingNames>;

export const DEFAULT_URL = 'http://127.0.0.1:4318';

/** A config file as loaded: its default export, and its path (null when there is none). */
export interface LoadedConfig {
  readonly config: KaizenConfig;
  readonly path: string | null;
}

/** A value and where it came from, phrased for messages: `--url`, `KAIZEN_URL`, `url in /x/kaizen.config.ts`. */
export interface Resolved {
  readonly value: string;
  readonly from: string;
}

const isSet = (value: unknown): value is string => typeof value === 'string' && value !== '';

/**
 * The first of flag, environment variable and config key that is set (an empty string is unset), else undefined.
 * `loaded` undefined means the config was not read, so only the flag and the environment count.
 *
 * @example
 * resolveSetting(SETTINGS.url, undefined, { KAIZEN_URL: 'http://kaizen:4318' }); // { value: 'http://kaizen:4318', from: 'KAIZEN_URL' }
 */
export function resolveSetting(
  names: SettingNames,
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  loaded?: LoadedConfig,
): Resolved | undefined {
  if (names.flag !== undefined && isSet(flag)) return { value: flag, from: names.flag };
  const fromEnv = names.env === undefined ? undefined : env[names.env];
  if (names.env !== undefined && isSet(fromEnv)) return { value: fromEnv, from: names.env };
  const fromConfig = names.config === undefined ? undefined : loaded?.config[names.config];
  if (names.config !== undefined && isSet(fromConfig)) {
    return { value: fromConfig, from: `${names.config} in ${loaded?.path ?? 'the config'}` };
  }
  return undefined;
}

export interface ServerSettings {
  readonly url: string;
  readonly apiKey: string;
  /** Where the URL and the key came from, so a failed connection can say what to change. */
  readonly urlFrom: string;
  readonly apiKeyFrom: string;
}

export interface ConnectionFlags {
  url?: string;
  apiKey?: string;
  config?: string;
}

/** The key: --api-key, else KAIZEN_API_KEY; never from the config file, which is usually committed. */
export function resolveApiKey(flags: ConnectionFlags, env: NodeJS.ProcessEnv): Resolved {
  const apiKey = resolveSetting(SETTINGS.apiKey, flags.apiKey, env);
  if (apiKey === undefined) {
    throw new KaizenError(
      'unauthorized',
      'No API key: set KAIZEN_API_KEY or pass --api-key (create one with `kaizen keys create --project NAME`).',
    );
  }
  return apiKey;
}

/**
 * The server and key of a command: --url > KAIZEN_URL > `url` in the config > http://127.0.0.1:4318.
 *
 * @example
 * resolveServerSettings({ apiKey: 'kz_…' }, process.env, await loadConfigFile(undefined, process.env, process.cwd()));
 */
export function resolveServerSettings(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv,
  loaded?: LoadedConfig,
): ServerSettings {
  const apiKey = resolveApiKey(flags, env);
  const url = resolveSetting(SETTINGS.url, flags.url, env, loaded) ?? { value: DEFAULT_URL, from: 'the default' };
  return { url: url.value, apiKey: apiKey.value, urlFrom: url.from, apiKeyFrom: apiKey.from };
}

export interface StoreSettings {
  readonly dataDir?: string;
  readonly databaseUrl?: string;
}

/** The embedded store's folder (--data > KAIZEN_DATA_DIR > ./.kaizen) or Postgres (KAIZEN_DATABASE_URL). */
export function resolveStoreSettings(flags: { data?: string | undefined }, env: NodeJS.ProcessEnv): StoreSettings {
  const dataDir = resolveSetting(SETTINGS.dataDir, flags.data, env)?.value;
  const databaseUrl = resolveSetting(SETTINGS.databaseUrl, undefined, env)?.value;
  return {
    ...(dataDir !== undefined ? { dataDir } : {}),
    ...(databaseUrl !== undefined ? { databaseUrl } : {}),
  };
}
