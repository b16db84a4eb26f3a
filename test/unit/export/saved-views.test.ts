import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineServer } from '../../../electron/engine/server';
import type { PivotSpec } from '../../../shared/pivot-spec';
import { openTemp } from '../../helpers/workspace';

const pivot: PivotSpec = {
  kind: 'pivot',
  rows: ['field'],
  columns: [],
  values: [{ measure: { type: 'count_models' } }],
};

let t: Awaited<ReturnType<typeof openTemp>>;
let server: EngineServer;
beforeAll(async () => {
  t = await openTemp();
  server = new EngineServer(t.ws);
});
afterAll(() => t.cleanup());

const ask = (method: string, params: unknown) =>
  new Promise<{ ok: boolean; result?: unknown; error?: { code: string } }>((resolve) =>
    server.handle({ id: 7, method, params }, (m) => resolve(m as never)),
  );

describe('saved views', () => {
  it('a saved pivot lists back with its spec, and saving the same name replaces it', async () => {
    await server.run('views.save', { name: 'Theo lĩnh vực', view: 'pivot', spec: pivot });
    const changed = { ...pivot, rows: ['province'] };
    await server.run('views.save', { name: 'Theo lĩnh vực', view: 'pivot', spec: changed });
    await server.run('views.save', { name: 'Khác', view: 'map', spec: { zoom: 3 } });
    const pivots = await server.run('views.list', { view: 'pivot' });
    expect(pivots).toHaveLength(1);
    expect(pivots[0]).toMatchObject({ name: 'Theo lĩnh vực', view: 'pivot', spec: changed });
    expect(await server.run('views.list', {})).toHaveLength(2);
  });

  it('a deleted view is gone and deleting it again reports nothing deleted', async () => {
    expect(await server.run('views.delete', { name: 'Khác', view: 'map' })).toEqual({ deleted: true });
    expect(await server.run('views.delete', { name: 'Khác', view: 'map' })).toEqual({ deleted: false });
    expect(await server.run('views.list', { view: 'map' })).toEqual([]);
  });

  it('an invalid pivot spec is refused and nothing is stored', async () => {
    const answer = await ask('views.save', {
      name: 'Hỏng',
      view: 'pivot',
      spec: { kind: 'pivot', rows: [] },
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'SPEC_INVALID' } });
    expect((await server.run('views.list', {})).map((v) => v.name)).not.toContain('Hỏng');
  });
});
