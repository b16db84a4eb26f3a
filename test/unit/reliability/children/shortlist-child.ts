/**
 * Child process of the shortlist crash test: edits the shortlist in a loop (each edit sets status,
 * owner `owner-<i>` and note `note-<i>` in one transaction) and prints `<i>` after each commit, until
 * killed. Run by shortlist-crash.test.ts only.
 */
import { setShortlist } from '../../../../electron/engine/workspace/shortlist';
import { Workspace } from '../../../../electron/engine/workspace/workspace';

const [file, dataDir, startArg, modelsArg] = process.argv.slice(2);
if (!file || !dataDir) throw new Error('usage: shortlist-child <workspace> <dataDir> <start> <models>');
const start = Number(startArg ?? 0);
const models = Number(modelsArg ?? 10);
const ws = await Workspace.open({ path: file, dataDir });
const statuses = ['candidate', 'approved', 'rejected'] as const;
for (let i = start; i < start + 100_000; i++) {
  await setShortlist(ws, {
    modelId: `MH-${i % models}`,
    status: statuses[i % 3],
    owner: `owner-${i}`,
    note: `note-${i} ${'ghi chú '.repeat(i % 7)}`,
  });
  process.stdout.write(`${i}\n`);
}
ws.close();
