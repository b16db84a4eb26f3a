import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineServer } from '../../../electron/engine/server';
import { Workspace } from '../../../electron/engine/workspace/workspace';
import { tempDir } from '../../helpers/workspace';
import { insertFixture } from './fixture';
import { RANK_PRESETS, RankSpecSchema } from '../../../shared/rank-spec';

const t = tempDir('dvk-shortlist-');
const file = path.join(t.dir, 'w.duckdb');
const open = () => Workspace.open({ path: file, dataDir: path.join(t.dir, 'data') });
let ws: Workspace;
let server: EngineServer;

beforeAll(async () => {
  ws = await open();
  await insertFixture(ws);
  // A second-generation replica: M-DUP-A → M-REPLICA → M-REPLICA-2 (in another unit).
  await ws.exec(
    `INSERT INTO models (model_id, name, unit_code, field, sponsor, start_date, status, replicated_from)
     VALUES ('M-REPLICA-2', 'Bếp ăn tình thương Tân Hòa', '00103', 'An sinh xã hội', 'Hội Nông dân', DATE '2024-05-01', 'Đang triển khai', 'M-REPLICA')`,
  );
  const { rebuildDerived } = await import('../../../electron/engine/workspace/derived');
  await rebuildDerived(ws);
  server = new EngineServer(ws);
});
afterAll(() => {
  ws.close();
  t.cleanup();
});

describe('the replication shortlist', () => {
  it('saves changes sent at the same time (a note, a status, an owner) one after the other, none lost', async () => {
    // The UI sends each edit as soon as it is made: a slow save must not make the next one fail.
    const sent = await Promise.allSettled([
      server.run('shortlist.set', { modelId: 'M-FLAT12', note: 'Ghi chú đồng thời' }),
      server.run('shortlist.set', { modelId: 'M-FLAT12', status: 'approved' }),
      server.run('shortlist.set', { modelId: 'M-FLAT12', owner: 'Anh Minh' }),
      server.run('shortlist.set', { modelId: 'M-SPIKE', status: 'rejected' }),
    ]);
    expect(sent.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    const list = await server.run('shortlist.list', {});
    expect(list.find((e) => e.modelId === 'M-FLAT12')).toMatchObject({
      status: 'approved',
      owner: 'Anh Minh',
      notes: [expect.objectContaining({ note: 'Ghi chú đồng thời' })],
    });
    expect(list.find((e) => e.modelId === 'M-SPIKE')?.status).toBe('rejected');
    for (const id of ['M-FLAT12', 'M-SPIKE']) await server.run('shortlist.remove', { modelId: id });
  });

  it('adds models with status, owner and a note, and lists them with the model’s attributes', async () => {
    const e = await server.run('shortlist.set', {
      modelId: 'M-STEADY',
      owner: 'Chị Lan',
      note: 'Xem lại số hộ',
    });
    expect(e).toMatchObject({
      modelId: 'M-STEADY',
      status: 'candidate',
      owner: 'Chị Lan',
      field: 'An sinh xã hội',
    });
    expect(e.unitName).toBe('Phường An Phú');
    expect(e.notes.map((n) => n.note)).toEqual(['Xem lại số hộ']);
    await server.run('shortlist.set', { modelId: 'M-ADMIN-1', status: 'approved' });
    await server.run('shortlist.set', { modelId: 'M-DUP-A', status: 'rejected', note: 'Trùng tên' });
    const list = await server.run('shortlist.list', {});
    expect(list.map((x) => [x.modelId, x.status])).toEqual([
      ['M-STEADY', 'candidate'],
      ['M-ADMIN-1', 'approved'],
      ['M-DUP-A', 'rejected'],
    ]);
  });

  it('an update changes only what it names and appends a differing note (an identical one is not repeated)', async () => {
    await server.run('shortlist.set', { modelId: 'M-STEADY', status: 'approved' });
    await server.run('shortlist.set', { modelId: 'M-STEADY', note: 'Xem lại số hộ' });
    const e = await server.run('shortlist.set', { modelId: 'M-STEADY', note: 'Đã xác minh tại phường' });
    expect(e.status).toBe('approved');
    expect(e.owner).toBe('Chị Lan');
    expect(e.notes.map((n) => n.note)).toEqual(['Đã xác minh tại phường', 'Xem lại số hộ']);
  });

  it('an unknown model is refused and changes nothing', async () => {
    await expect(server.run('shortlist.set', { modelId: 'NO-SUCH' })).rejects.toMatchObject({
      code: 'REQUEST_INVALID',
    });
    expect((await server.run('shortlist.list', {})).length).toBe(3);
  });

  it('removing a model takes it off the list', async () => {
    expect(await server.run('shortlist.remove', { modelId: 'M-DUP-A' })).toEqual({ removed: true });
    expect(await server.run('shortlist.remove', { modelId: 'M-DUP-A' })).toEqual({ removed: false });
    expect((await server.run('shortlist.list', {})).map((x) => x.modelId)).toEqual(['M-STEADY', 'M-ADMIN-1']);
  });

  it('coverage follows the lineage transitively and lists the units lacking the field', async () => {
    const [c] = await server.run('shortlist.coverage', { modelId: 'M-DUP-A' });
    expect(c?.replicas.map((r) => [r.modelId, r.depth, r.unitCode])).toEqual([
      ['M-REPLICA', 1, '00101'],
      ['M-REPLICA-2', 2, '00103'],
    ]);
    const [up] = await server.run('shortlist.coverage', { modelId: 'M-REPLICA-2' });
    expect(up?.origins.map((r) => [r.modelId, r.depth])).toEqual([
      ['M-REPLICA', 1],
      ['M-DUP-A', 2],
    ]);
    const [admin] = await server.run('shortlist.coverage', { modelId: 'M-ADMIN-1' });
    expect(admin?.unitsLacking.map((u) => u.code)).toEqual(['00103']);
    expect(admin?.unitsWithField).toBe(2);
    expect(admin?.unitsTotal).toBe(3);
    const all = await server.run('shortlist.coverage', {});
    expect(all.map((x) => x.modelId)).toEqual(['M-STEADY', 'M-ADMIN-1']);
  });

  it('survives closing and reopening the workspace', async () => {
    const before = await server.run('shortlist.list', {});
    ws.close();
    ws = await open();
    server = new EngineServer(ws);
    expect(await server.run('shortlist.list', {})).toEqual(before);
  });

  it('exposes the integrity flags per model', async () => {
    const f = await server.run('flags.list', { modelIds: ['M-FLAT12', 'M-STEADY'] });
    expect(f.map((x) => [x.modelId, x.code])).toEqual([['M-FLAT12', 'identical_run']]);
  });
});

describe('rankings saved as named views', () => {
  it('a preset saved under a name lists back as a valid RankSpec; an invalid one is refused', async () => {
    const spec = RANK_PRESETS[1]?.spec;
    const saved = await server.run('views.save', { name: 'Hành chính nhanh', view: 'ranking', spec });
    expect(saved.spec).toEqual(spec);
    const list = await server.run('views.list', { view: 'ranking' });
    expect(list.map((v) => v.name)).toEqual(['Hành chính nhanh']);
    expect(RankSpecSchema.safeParse(list[0]?.spec).success).toBe(true);
    await expect(
      server.run('views.save', { name: 'hỏng', view: 'ranking', spec: { kind: 'rank', components: [] } }),
    ).rejects.toMatchObject({ code: 'SPEC_INVALID' });
  });
});
