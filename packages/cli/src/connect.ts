// The API client for commands that talk to a running server, from flags, environment and kaizen.config.ts.
import { createKaizenApi, type KaizenApi } from '@kaizen/sdk';
import type { Command } from 'commander';
import type { CommandContext } from './command-context.js';
import { loadConfigFile } from './load-config.js';
import {
  type ConnectionFlags,
  type LoadedConfig,
  resolveApiKey,
  resolveServerSettings,
  resolveSetting,
  SETTINGS,
  type ServerSettings,
} from './settings.js';

export type { ConnectionFlags } from './settings.js';

/**
 * Resolves --url/--api-key (see settings.ts) and remembers them on the context for error messages. The config file
 * is read only when neither --url nor KAIZEN_URL is set, unless the command already loaded it (`loaded`).
 */
export async function serverSettings(
  flags: ConnectionFlags,
  context: CommandContext,
  loaded?: LoadedConfig,
): Promise<ServerSettings> {
  // The key first: a missing key is the likelier mistake, and reading the config cannot fix it.
  resolveApiKey(flags, context.env);
  const needsConfig = loaded === undefined && resolveSetting(SETTINGS.url, flags.url, context.env) === undefined;
  const config = needsConfig ? await loadConfigFile(flags.config, context.env, process.cwd()) : loaded;
  const settings = resolveServerSettings(flags, context.env, config);
  context.connection = settings;
  return settings;
}

export async function connect(
  flags: ConnectionFlags,
  context: CommandContext,
  options: { timeoutMs?: number; loaded?: LoadedConfig } = {},
): Promise<KaizenApi> {
  const settings = await serverSettings(flags, context, options.loaded);
  return createKaizenApi({
    url: settings.url,
    apiKey: settings.apiKey,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
}

/** --url, --api-key, --config and --json, shared by every command that talks to a server. */
export function addConnectionOptions(command: Command): Command {
  return command
    .option(
      '--url <url>',
      'Kaizen server (default: KAIZEN_URL, else url in kaizen.config.ts, else http://127.0.0.1:4318)',
    )
    .option('--api-key <key>', 'project API key (default: KAIZEN_API_KEY)')
    .option('--config <file>', 'config file (default: KAIZEN_CONFIG, else ./kaizen.config.ts if present)')
    .option('--json', 'print one JSON document on stdout (progress and notices go to stderr)');
}
