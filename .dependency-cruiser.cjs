/** Dependency direction: core <- store <- server <- cli, core <- sdk. Checked by `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment:
        'core holds pure domain logic: no node:* modules, no other workspace, no third-party I/O. ' +
        'Allowed: ajv and ajv-formats (pure JSON Schema compilation for the evaluation checks).',
      severity: 'error',
      from: { path: '^packages/core/src' },
      to: {
        // vitest: the tests next to the code.
        pathNot: '^(packages/core/src|node_modules/(ajv|ajv-formats|vitest)/)',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'core-no-node-builtins',
      severity: 'error',
      from: { path: '^packages/core/src' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'store-depends-on-core-only',
      severity: 'error',
      from: { path: '^packages/store/src' },
      to: { path: '^packages/(server|cli|sdk|web)/' },
    },
    {
      name: 'server-not-on-cli',
      severity: 'error',
      from: { path: '^packages/server/src' },
      to: { path: '^packages/(cli|web)/' },
    },
    {
      name: 'sdk-depends-on-core-only',
      severity: 'error',
      from: { path: '^packages/sdk/src' },
      to: { path: '^packages/(store|server|cli|web)/' }, // sdk may use core and models
    },
    {
      name: 'simulator-rules-stay-inside',
      comment:
        "SIMULATED-MODEL.md: nothing outside the simulated provider reads its tasks' rules — the evaluator, RCA and " +
        'optimizer (core, server, sdk, cli) and the benchmark harness see the simulator only as a model.',
      severity: 'error',
      from: { pathNot: '^packages/models/(src/simulated|test/simulated)/' },
      to: { path: '^packages/models/src/simulated/tasks/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules stay in the graph as leaves (doNotFollow), so core-is-pure sees third-party imports; excluding
    // them, as before, hid every package import from the rules.
    exclude: { path: '^packages/[^/]+/dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'default'] },
  },
};
