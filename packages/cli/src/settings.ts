// Where commands find the server, the key and the data folder: flags first, then environment variables.
import { KaizenError } from '@kaizen/core';

export interface ServerSettings {
  readonly url: string;
  readonly apiKey: string;
}

export const DEFAULT_URL = 'http://127.0.0.1:4318';

export function resolveServerSettings(
  flags: { url?: string | undefined; apiKey?: string | undefined },
  env: NodeJS.ProcessEnv,
): ServerSettings {
  const url = flags.url ?? env.KAIZEN_URL ?? DEFAULT_URL;
  const apiKey = flags.apiKey ?? env.KAIZEN_API_KEY;
  if (apiKey === undefined || apiKey === '') {
    throw new KaizenError(
      'unauthorized',
      'No API key: set KAIZEN_API_KEY or pass --api-key (create one with `kaizen keys create --project NAME`).',
    );
  }
  return { url, apiKey };
}

export interface StoreSettings {
  readonly dataDir?: string;
  readonly databaseUrl?: string;
}

export function resolveStoreSettings(flags: { data?: string | undefined }, env: NodeJS.ProcessEnv): StoreSettings {
  const dataDir = flags.data ?? env.KAIZEN_DATA_DIR;
  const databaseUrl = env.KAIZEN_DATABASE_URL;
  return {
    ...(dataDir !== undefined && dataDir !== '' ? { dataDir } : {}),
    ...(databaseUrl !== undefined && databaseUrl !== '' ? { databaseUrl } : {}),
  };
}
