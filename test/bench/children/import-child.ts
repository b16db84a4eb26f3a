/**
 * Child process of the import benchmark: imports the given files into a fresh workspace in `dir` and prints
 * one JSON line (wall times, rows, peak RSS of this process). Run by import.ts, never by hand.
 */
import path from 'node:path';
import { commitFiles } from '../../../electron/engine/import';
import { Workspace } from '../../../electron/engine/workspace/workspace';

const [dir, ...files] = process.argv.slice(2);
if (!dir || files.length === 0) throw new Error('usage: import-child <dir> <file…>');
const t0 = performance.now();
const ws = await Workspace.open({
  path: path.join(dir, 'workspace.duckdb'),
  dataDir: path.join(dir, 'data'),
});
const t1 = performance.now();
const reports = await commitFiles(ws, files);
const t2 = performance.now();
ws.close();
const sum = (k: 'rowsIn' | 'rowsImported' | 'rowsRejected') => reports.reduce((a, r) => a + r[k], 0);
process.stdout.write(
  JSON.stringify({
    openMs: t1 - t0,
    importMs: t2 - t1,
    rowsIn: sum('rowsIn'),
    rowsImported: sum('rowsImported'),
    rowsRejected: sum('rowsRejected'),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
