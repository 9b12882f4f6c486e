// `kaizen keys create`: makes a project API key directly in the store (no server needed) and prints it once.
import { generateApiKey, openStore } from '@kaizen/store';
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { examples } from '../help.js';
import { printJson } from '../output.js';
import { resolveStoreSettings } from '../settings.js';

interface KeysCreateOptions {
  project: string;
  data?: string;
  json?: boolean;
}

export function registerKeysCommand(program: Command, context: CommandContext): void {
  const keys = program
    .command('keys')
    .description('Manage project API keys')
    .addHelpText('after', examples(['export KAIZEN_API_KEY=$(kaizen keys create --project checkout-agent)']));
  keys
    .command('create')
    .description('Create an API key for a project (the project is created if needed); prints the key alone')
    .requiredOption('--project <name>', 'project name')
    .option('--data <dir>', 'data folder of the embedded SQLite store (default ./.kaizen, or KAIZEN_DATA_DIR)')
    .option('--json', 'print {project, projectId, key, prefix} as one JSON document')
    .addHelpText(
      'after',
      examples(
        [
          'export KAIZEN_API_KEY=$(kaizen keys create --project checkout-agent)',
          'kaizen keys create --project checkout-agent --data /var/lib/kaizen --json',
        ],
        'Writes to the store directly (no server needed): run it where `kaizen serve` keeps its data, with the same\n' +
          '--data / KAIZEN_DATA_DIR or KAIZEN_DATABASE_URL.',
      ),
    )
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
