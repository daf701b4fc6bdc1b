#!/usr/bin/env node
// The command line: a thin shell over src/core, run from its TypeScript source through tsx.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
process.exitCode = run(process.argv.slice(2));
