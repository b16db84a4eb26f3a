/**
 * Child process of the hostile-file tests: opens the workspace, attempts one import (attempt.ts) and
 * prints the Attempt as one JSON line, peak RSS of this process included. Run by the tests only.
 */
import { Workspace } from '../../../../electron/engine/workspace/workspace';
import { attemptImport } from '../attempt';

const [file, dataDir, target] = process.argv.slice(2);
if (!file || !dataDir || !target) throw new Error('usage: import-child <workspace> <dataDir> <file>');
const ws = await Workspace.open({ path: file, dataDir });
try {
  const a = await attemptImport(ws, target);
  process.stdout.write(JSON.stringify(a) + '\n');
} finally {
  ws.close();
}
