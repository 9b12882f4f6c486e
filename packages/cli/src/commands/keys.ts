// `kaizen keys create`: makes a project API key directly in the store (no server needed) and prints it once.
import { generateApiKey, openStore } from '@kaizen/store';
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { printJson } from '../output.js';
import { resolveStoreSettings } from '../settings.js';

interface KeysCreateOptions {
  project: string;
  data?: string;
  json?: boolean;
}

export function registerKeysCommand(program: Command, context: CommandContext): void {
  const keys = program.command('keys').description('Manage project API keys');
  keys
    .command('create')
    .description('Create an API key for a project (the project is created if needed); prints the key alone')
    .requiredOption('--project <name>', 'project name')
    .option('--data <dir>', 'data folder of the embedded SQLite store (default ./.kaizen, or KAIZEN_DATA_DIR)')
    .option('--json', 'print {project, key, prefix} as JSON')
    .addHelpText('after', '\nExample:\n  export KAIZEN_API_KEY=$(kaizen keys create --project checkout-agent)')
    .action(async (options: KeysCreateOptions) => {
      const store = await openStore(resolveStoreSettings(options, context.env));
      try {
        const project = (await store.getProjectByName(options.project)) ?? (await store.createProject(options.project));
        const { key, prefix, hash } = generateApiKey();
        await store.createApiKey(project.id, hash, prefix);
        if (options.json) printJson(context.output, { project: project.name, projectId: project.id, key, prefix });
        else context.output.stdout(key);
      } finally {
        await store.close();
      }
    });
}
