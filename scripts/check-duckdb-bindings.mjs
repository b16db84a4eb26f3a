#!/usr/bin/env node
// Fails when the lockfile does not pin the Windows DuckDB binding at the exact version of
// @duckdb/node-api: an absent optional binding installs silently and kills the app at start.
import fs from 'node:fs';

const lock = JSON.parse(fs.readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const pkgs = lock.packages ?? {};
const want = pkg.dependencies?.['@duckdb/node-api'];
const errors = [];
if (!want || !/^\d+\.\d+\.\d+(-r\.\d+)?$/.test(want))
  errors.push(`@duckdb/node-api must be pinned to an exact version (found ${want})`);
const api = pkgs['node_modules/@duckdb/node-api']?.version;
const bindings = pkgs['node_modules/@duckdb/node-bindings']?.version;
const win = pkgs['node_modules/@duckdb/node-bindings-win32-x64'];
if (api !== want) errors.push(`lockfile @duckdb/node-api ${api} ≠ package.json ${want}`);
if (bindings !== want) errors.push(`lockfile @duckdb/node-bindings ${bindings} ≠ ${want}`);
if (!win) errors.push('lockfile has no @duckdb/node-bindings-win32-x64 entry');
else if (win.version !== want)
  errors.push(`@duckdb/node-bindings-win32-x64 is ${win.version}, expected ${want}`);
else if (!win.integrity) errors.push('@duckdb/node-bindings-win32-x64 has no integrity hash in the lockfile');
if (errors.length) {
  for (const e of errors) console.error(`check-duckdb-bindings: ${e}`);
  process.exit(1);
}
console.log(`check-duckdb-bindings: @duckdb/node-api ${want} with win32-x64 binding ${win.version} — ok`);
