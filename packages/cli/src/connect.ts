// The API client for commands that talk to a running server, from flags and environment.
import { createKaizenApi, type KaizenApi } from '@kaizen/sdk';
import type { Command } from 'commander';
import type { CommandContext } from './command-context.js';
import { resolveServerSettings } from './settings.js';

export interface ConnectionFlags {
  url?: string;
  apiKey?: string;
}

export function connect(flags: ConnectionFlags, context: CommandContext): KaizenApi {
  const settings = resolveServerSettings(flags, context.env);
  return createKaizenApi({ url: settings.url, apiKey: settings.apiKey });
}

/** --url, --api-key and --json, shared by every command that talks to a server. */
export function addConnectionOptions(command: Command): Command {
  return command
    .option('--url <url>', 'Kaizen server (default KAIZEN_URL or http://127.0.0.1:4318)')
    .option('--api-key <key>', 'project API key (default KAIZEN_API_KEY)')
    .option('--json', 'print the API response as JSON');
}
