// Entry point of the kaizen CLI: builds the command tree and turns errors into messages and exit codes.
import { KaizenError } from '@kaizen/core';
import { Command, CommanderError } from 'commander';
import type { CommandContext } from './command-context.js';
import { registerDatasetsCommand } from './commands/datasets.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerEvalCommand } from './commands/eval.js';
import { registerEvaluatorsCommand } from './commands/evaluators.js';
import { registerGateCommand } from './commands/gate.js';
import { registerKeysCommand } from './commands/keys.js';
import { registerLabelsCommand } from './commands/labels.js';
import { registerOnlineCommand } from './commands/online.js';
import { registerOptimizeCommand } from './commands/optimize.js';
import { registerPromptsCommand } from './commands/prompts.js';
import { registerRcaCommand } from './commands/rca.js';
import { registerReplayCommand } from './commands/replay.js';
import { registerServeCommand } from './commands/serve.js';
import { registerTracesCommand } from './commands/traces.js';
import { registerWorkerCommand } from './commands/worker.js';
import { hintFor } from './error-hints.js';
import { EXIT_ERROR, EXIT_OK } from './exit-codes.js';
import { type Output, processOutput } from './output.js';
import { PROGRAM_HELP } from './program-help.js';

export function buildProgram(context: CommandContext): Command {
  const program = new Command('kaizen')
    .description('Kaizen: collect LLM traces, evaluate them with checklists, and improve prompts safely')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.output.stdout(text),
      writeErr: (text) => context.output.stderr(text),
    })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', PROGRAM_HELP);
  registerServeCommand(program, context);
  registerWorkerCommand(program, context);
  registerKeysCommand(program, context);
  registerTracesCommand(program, context);
  registerPromptsCommand(program, context);
  registerReplayCommand(program, context);
  registerDatasetsCommand(program, context);
  registerEvalCommand(program, context);
  registerGateCommand(program, context);
  registerEvaluatorsCommand(program, context);
  registerOnlineCommand(program, context);
  registerLabelsCommand(program, context);
  registerRcaCommand(program, context);
  registerOptimizeCommand(program, context);
  registerDemoCommand(program, context);
  return program;
}

/** Runs the CLI and resolves to the process exit code; never calls process.exit, so tests can call it directly. */
export async function main(
  argv: readonly string[],
  options: { output?: Output; env?: NodeJS.ProcessEnv } = {},
): Promise<number> {
  const context: CommandContext = {
    output: options.output ?? processOutput,
    env: options.env ?? process.env,
    exitCode: EXIT_OK,
  };
  const program = buildProgram(context);
  program.commands.forEach(function exitOverrideEverywhere(command: Command) {
    command.exitOverride();
    command.commands.forEach(exitOverrideEverywhere);
  });
  try {
    await program.parseAsync([...argv]);
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" in commander's model but successful runs for the user.
      return error.exitCode === 0 ? EXIT_OK : EXIT_ERROR;
    }
    if (KaizenError.isInstance(error)) {
      const hint = hintFor(error, context.connection);
      context.output.stderr(`kaizen: ${error.message}${hint === null ? '' : `\nhint: ${hint}`}`);
      return EXIT_ERROR;
    }
    context.output.stderr(
      `kaizen: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return EXIT_ERROR;
  }
}
