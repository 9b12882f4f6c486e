/** Dependency direction: core <- store <- server <- cli, core <- sdk. Checked by `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core holds pure domain logic: no node:* modules, no other workspace, no third-party I/O',
      severity: 'error',
      from: { path: '^packages/core/src' },
      to: { pathNot: '^packages/core/src', dependencyTypesNot: ['type-only'] },
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
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'default'] },
  },
};
