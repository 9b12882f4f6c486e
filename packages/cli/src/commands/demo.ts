// `kaizen demo`: the whole loop on one machine, offline — an embedded instance, a day of production traces of a
// schema.org extractor, online scores, root causes, an optimization, staging and the shadow view — then the UI.
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { examples } from '../help.js';
import { printJson } from '../output.js';
import { type DemoFlags, planDemo } from './demo-options.js';
import { formatWhereToLook } from './demo-report.js';
import { buildWebApp, DEFAULT_DEMO_DIR, startDemoInstance, webAppBuilt } from './demo-server.js';
import { runDemoSteps } from './demo-steps.js';

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function registerDemoCommand(program: Command, context: CommandContext): void {
  program
    .command('demo')
    .description(
      'Run the whole loop offline: a day of production traces, online scores, root causes, an optimization, the shadow view; then the UI',
    )
    .option('--data <dir>', `data folder of the demo's SQLite store (default ./${DEFAULT_DEMO_DIR})`)
    .option('--temp', 'use a temporary data folder, removed when the demo ends')
    .option('--fresh', "wipe the data folder's database first (otherwise each run adds a project: demo, demo-2, …)")
    .option('--port <port>', 'port to serve on (default 4318, or a free one when it is taken; 0 for a free one)')
    .option('--calls <n>', 'production calls in the simulated day (default 240; 60 with a real model)')
    .option('--no-serve', 'run every step and exit instead of serving the UI (for CI and scripts)')
    .option('--json', 'print a machine-readable summary on stdout (progress stays on stderr)')
    .addHelpText(
      'after',
      examples(
        [
          'kaizen demo',
          'kaizen demo --fresh --port 8080',
          'kaizen demo --no-serve --temp --json',
          'KAIZEN_MODEL=openai:gpt-4o-mini OPENAI_API_KEY=… kaizen demo --calls 40',
        ],
        'Models: simulated by default (sim:schemaorg for the app, sim:optimizer for the optimizer), and every output\n' +
          "says so. KAIZEN_MODEL=provider:model (with the provider's API key) runs the app and the optimizer on that\n" +
          'model; KAIZEN_OPTIMIZER_MODEL picks another optimizer. Exit codes: 0 when every step ran (and, when\n' +
          'serving, after Ctrl-C); 2 when a step failed or the flags are wrong.',
      ),
    )
    .action(async (flags: DemoFlags) => {
      const started = performance.now();
      const plan = planDemo(flags, context.env);
      if (plan.notice !== null) {
        if (plan.json) context.output.stderr(plan.notice);
        else context.output.stdout(plan.notice);
      }
      const instance = await startDemoInstance({
        data: plan.data,
        temp: plan.temp,
        fresh: plan.fresh,
        port: plan.port,
        optimizerModel: plan.optimizerModel,
        log: (line) => context.output.stderr(line),
      });
      try {
        if (!plan.json) {
          context.output.stdout(
            `Embedded Kaizen at ${instance.server.url}: SQLite in ${instance.dataDir}${instance.temporary ? ' (temporary)' : ''}, project ${instance.project}.`,
          );
        }
        const steps = await runDemoSteps(plan, instance, context);
        const wallSeconds = (performance.now() - started) / 1000;
        const where = {
          url: instance.server.url,
          apiKey: instance.apiKey,
          project: instance.project,
          promptName: steps.prompt.name,
          stagingVersion: steps.prompt.stagingVersion,
        };
        if (plan.json) {
          printJson(context.output, {
            simulated: plan.simulated,
            notice: plan.notice,
            models: { task: plan.taskModel, optimizer: plan.optimizerModel },
            ...where,
            dataDir: instance.dataDir,
            served: plan.serve,
            wallSeconds: Number(wallSeconds.toFixed(1)),
            ...steps,
          });
        } else {
          context.output.stdout(`\nDone in ${wallSeconds.toFixed(1)} s.${plan.simulated ? ' (SIMULATED model)' : ''}`);
        }
        if (!plan.serve) {
          if (!plan.json && !instance.temporary) {
            context.output.stdout(
              `Everything is kept in ${instance.dataDir}: \`npx kaizen serve --data ${instance.dataDir}\`, then sign in ` +
                `with the key ${instance.apiKey} (project ${instance.project}).`,
            );
          }
          return;
        }
        if (!webAppBuilt()) {
          context.output.stderr('Building the web app (npm run build)…');
          await buildWebApp((line) => context.output.stderr(line));
        }
        const lines = formatWhereToLook(where);
        if (plan.json) context.output.stderr(lines);
        else context.output.stdout(`\n${lines}`);
        context.output.stderr(
          `Serving until Ctrl-C.${plan.notice === null ? '' : ' Every number in the app comes from the SIMULATED model.'}`,
        );
        await untilSignal();
        context.output.stderr('Shutting down.');
      } finally {
        await instance.close();
      }
    });
}
