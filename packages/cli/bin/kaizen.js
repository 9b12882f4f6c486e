#!/usr/bin/env node
// The `kaizen` executable: runs the CLI from its TypeScript source through tsx, so a fresh clone needs no build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv);
