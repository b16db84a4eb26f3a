#!/usr/bin/env node
// `npm start`: build, then run the desktop app (Electron) on the built-in sample workspace. Where the
// Electron binary is not installed (machines that cannot download it), run the same UI in the local
// web harness instead and say so.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
function findElectron() {
  try {
    return require('electron');
  } catch {
    return null;
  }
}
const electronPath = findElectron();
const hasElectron = typeof electronPath === 'string' && fs.existsSync(electronPath);

const build = spawnSync('npx', ['electron-vite', 'build'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (build.status !== 0) process.exit(build.status ?? 1);

if (hasElectron) {
  const child = spawn(electronPath, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    '\nDVK Atlas: the Electron binary is not installed on this machine (it cannot be downloaded here),\n' +
      'so the app opens in the local web harness instead: same UI, same engine, bound to 127.0.0.1.\n',
  );
  const child = spawn(process.execPath, ['bin/dvk.mjs', 'serve', '--open'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
