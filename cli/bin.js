#!/usr/bin/env node
// The `ttc` command. The package ships TypeScript sources; tsx loads them without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
