// The text after `kaizen --help`: output, exit codes, where settings come from, and examples. The README and
// docs/architecture/cli.md say the same.
import { examples } from './help.js';

export const PROGRAM_HELP = `
Output:
  Tables and messages on stdout; progress, notices and errors on stderr. With --json (every command but
  serve, which only logs), stdout holds exactly one JSON document; after a usage, config or connection
  error it stays empty.

Exit codes:
  0  success
  1  a negative verdict: the command ran and its outcome is a failure (a gate that fails, an
     optimization run that failed or was cancelled, a replay where every call failed)
  2  usage, config, connection or runtime error, or results too incomplete to judge (items whose
     model call failed): the message says what to fix

Settings: a flag beats its environment variable, which beats kaizen.config.ts, which beats the default.
  flag               environment              config key      default
  --url              KAIZEN_URL               url             http://127.0.0.1:4318
  --api-key          KAIZEN_API_KEY           -               none (server commands need one)
  --config           KAIZEN_CONFIG            -               ./kaizen.config.ts (.mts, .mjs, .js) if present
  --data             KAIZEN_DATA_DIR          -               ./.kaizen (serve, keys create)
  -                  KAIZEN_DATABASE_URL      -               none: SQLite in the data folder
  -                  KAIZEN_MODEL             model           none: for prompt versions that name no model
  --optimizer-model  KAIZEN_OPTIMIZER_MODEL   optimizerModel  the server's, else model-free edits only
  -                  -                        judgeModel      none: judged criteria are errored
  (--model on eval, replay and gate overrides every version's model; KAIZEN_MODEL only fills in.)
${examples([
  'export KAIZEN_API_KEY=$(kaizen keys create --project checkout-agent)',
  'kaizen serve',
  'kaizen traces list --environment production --json',
  'kaizen eval --prompt extractor --version 4 --dataset pages --baseline production',
  'kaizen <command> --help',
])}`;
