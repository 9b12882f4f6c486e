// The text after `kaizen --help`: exit codes, where settings come from, and examples. The README says the same.
import { examples } from './help.js';

export const PROGRAM_HELP = `
Output:
  Tables and messages for people on stdout; progress, notices and errors on stderr. With --json, stdout holds
  exactly one JSON document (every command has --json but serve, which prints logs).

Exit codes:
  0  success
  1  a negative verdict: the command ran and the outcome is a failure (a failed gate, an eval with items that
     failed to run, a replay where every call failed, an optimization run that failed or was cancelled)
  2  usage, config, connection or runtime error: nothing was judged; the message says what to fix

Settings (first found wins): flag > environment variable > kaizen.config.ts > default
  --url              KAIZEN_URL              url              http://127.0.0.1:4318
  --api-key          KAIZEN_API_KEY          (never in config) required by commands that call the server
  --config           KAIZEN_CONFIG                            ./kaizen.config.ts (or .mts, .mjs, .js) if present
  --data             KAIZEN_DATA_DIR                          ./.kaizen (serve, keys)
                     KAIZEN_DATABASE_URL                      none: SQLite in the data folder
  (version's model)  KAIZEN_MODEL            model            the model of a prompt version that names none
  --optimizer-model  KAIZEN_OPTIMIZER_MODEL  optimizerModel   none: model-free edits only
                                             judgeModel       none: judged criteria error
${examples([
  'export KAIZEN_API_KEY=$(kaizen keys create --project checkout-agent)',
  'kaizen serve',
  'kaizen traces list --environment production --json',
  'kaizen eval --prompt extractor --version 4 --dataset pages --baseline production',
  'kaizen <command> --help',
])}`;
