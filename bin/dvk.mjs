#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader (no build step needed inside the repo).
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../electron/cli/dvk.ts');
process.exitCode = await main(process.argv.slice(2));
