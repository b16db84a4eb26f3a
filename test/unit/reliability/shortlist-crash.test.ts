/**
 * Crash consistency of shortlist edits: a child process edits the shortlist in a loop and is killed
 * with SIGKILL at several points; after each kill the workspace reopens, and every shortlisted model
 * shows ONE whole edit (its owner and its latest note come from the same edit, never half of one), every
 * edit the child reported committed is there, and nothing later than one in-flight edit. Real processes.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitFiles } from '../../../electron/engine/import';
import { Workspace } from '../../../electron/engine/workspace/workspace';
import { tempDir } from '../../helpers/workspace';
import { writeCsv } from '../../helpers/files';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const MODELS = 10;
let t: ReturnType<typeof tempDir>;
let file: string;
let dataDir: string;

/** Run the editing child from edit `start`; kill it once it has reported `after` commits. Resolves with the last reported edit. */
function editAndKill(start: number, after: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'test/unit/reliability/children/shortlist-child.ts',
        file,
        dataDir,
        String(start),
        String(MODELS),
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let last = start - 1;
    let seen = 0;
    let killing = false;
    let err = '';
    let buf = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.stdout.on('data', (c: Buffer) => {
      buf += c.toString('utf8');
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const l of lines) {
        last = Number(l);
        seen++;
      }
      // A few ms past a commit: the kill lands inside the next edit's transaction at varying points.
      if (seen >= after && !killing) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), after % 5);
      }
    });
    child.once('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(last);
      else reject(new Error(`shortlist child exited ${code}: ${err.slice(-2000)}`));
    });
  });
}

interface State {
  rows: { model_id: string; status: string; owner: string | null }[];
  notes: { model_id: string; note: string }[];
}

async function readState(): Promise<State> {
  const ws = await Workspace.open({ path: file, dataDir });
  try {
    const rows = await ws.rows<State['rows'][number]>(
      'SELECT model_id, status, owner FROM shortlist ORDER BY model_id',
    );
    const notes = await ws.rows<State['notes'][number]>(
      `SELECT model_id, arg_max(note, rowid) AS note FROM notes GROUP BY model_id ORDER BY model_id`,
    );
    // The workspace is whole: the derived tables answer a full scan.
    await ws.rows('SELECT count(*) FROM facts');
    return { rows, notes };
  } finally {
    ws.close();
  }
}

beforeAll(async () => {
  t = tempDir('dvk-shortlist-crash-');
  file = path.join(t.dir, 'Nguyễn Văn Ánh', 'w.duckdb');
  dataDir = path.join(t.dir, 'data');
  const ws = await Workspace.open({ path: file, dataDir });
  await commitFiles(ws, [
    writeCsv(t.dir, 'units.csv', ['Mã ĐVHC,Tên đơn vị', '00001,Phường Một']),
    writeCsv(t.dir, 'models.csv', [
      'Mã mô hình,Tên mô hình,Mã ĐVHC',
      ...Array.from({ length: MODELS }, (_, i) => `MH-${i},Mô hình ${i},00001`),
    ]),
  ]);
  ws.close();
}, 60_000);
afterAll(() => t.cleanup());

describe('crash consistency of shortlist edits', () => {
  it('after kill -9 at any point of an edit, each entry is one whole edit and no committed edit is lost', async () => {
    let next = 0;
    const points: string[] = [];
    for (const after of [1, 3, 7, 12, 20, 31]) {
      const lastReported = await editAndKill(next, after);
      const s = await readState();
      const editOf = (text: string | null | undefined, prefix: string) =>
        Number(new RegExp(`^${prefix}-(\\d+)`).exec(text ?? '')?.[1] ?? -1);
      let newest = -1;
      for (const r of s.rows) {
        const k = editOf(r.owner, 'owner');
        const note = s.notes.find((n) => n.model_id === r.model_id);
        // Owner, status and latest note come from the same edit.
        expect(editOf(note?.note, 'note'), `${r.model_id}: owner ${r.owner} vs note ${note?.note}`).toBe(k);
        expect(r.status).toBe(['candidate', 'approved', 'rejected'][k % 3]);
        expect(r.model_id).toBe(`MH-${k % MODELS}`);
        newest = Math.max(newest, k);
      }
      // Every reported commit is durable; at most the one in flight at the kill landed beyond it.
      expect(newest).toBeGreaterThanOrEqual(lastReported);
      expect(newest).toBeLessThanOrEqual(lastReported + 1);
      points.push(`after ${after} edits: last reported ${lastReported}, newest stored ${newest}`);
      next = newest + 1;
    }
    console.log(`shortlist kill points survived: ${points.length}\n  ${points.join('\n  ')}`);
  }, 240_000);
});
