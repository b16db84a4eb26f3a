import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitFiles, previewFile } from '../../../electron/engine/import';
import { geoConfirm, geoReview } from '../../../electron/engine/import/geo/review';
import type { Workspace } from '../../../electron/engine/workspace/workspace';
import { isAtlasError } from '../../../shared/errors';
import { writeCsv } from '../../helpers/files';
import { openTemp, tableChecksums } from '../../helpers/workspace';
import { GEO_FILES, readPlainCsv, realGeoAvailable } from './real-geo';

const available = realGeoAvailable();

let t: Awaited<ReturnType<typeof openTemp>>;
let ws: Workspace;
beforeEach(async () => {
  t = await openTemp();
  ws = t.ws;
});
afterEach(() => t.cleanup());

/** One pre-2025 unit of the crosswalk with every new unit it went to (computed here, independently). */
interface OldUnit {
  code: string;
  name: string;
  district: string;
  targets: Set<string>;
  full: boolean;
}

function oldUnits(): OldUnit[] {
  const byCode = new Map<string, OldUnit>();
  for (const r of readPlainCsv(GEO_FILES.crosswalk)) {
    if (r.old_level !== 'commune') continue;
    const code = r.old_code as string;
    const u = byCode.get(code) ?? {
      code,
      name: r.old_full_name as string,
      district: r.old_district_name as string,
      targets: new Set<string>(),
      full: true,
    };
    u.targets.add(r.new_code as string);
    if (r.relation !== 'full') u.full = false;
    byCode.set(code, u);
  }
  return [...byCode.values()];
}

describe.skipIf(!available)('the old → new crosswalk of the 2025 reorganisation', () => {
  it('is recognised as a crosswalk and stored with its full and partial rows (652 + 110)', async () => {
    const p = await previewFile(GEO_FILES.crosswalk);
    expect(p.sheets[0]?.kind).toBe('crosswalk');
    const [rep] = await commitFiles(ws, [GEO_FILES.crosswalk]);
    const rows = readPlainCsv(GEO_FILES.crosswalk);
    expect(rep?.rowsImported).toBe(rows.length);
    expect(rep?.crosswalk).toMatchObject({
      rows: rows.length,
      full: rows.filter((r) => r.relation === 'full').length,
      partial: rows.filter((r) => r.relation === 'partial').length,
    });
  });

  it('models naming old units move to the new unit; split units wait for a person; values follow', async () => {
    const newCodes = new Set(readPlainCsv(GEO_FILES.units).map((u) => u.code));
    // Old units whose code is not reused by a 2025 unit, so a model naming them is really unregistered.
    const olds = oldUnits().filter((u) => !newCodes.has(u.code));
    const full = olds.filter((u) => u.full && u.targets.size === 1);
    const split = olds.filter((u) => !u.full && u.targets.size > 1);
    // Numbered wards ("Phường 1") repeat across districts: only the district tells them apart.
    const numbered = full.filter((u) => /^Phường \d+$/.test(u.name));
    const named = full.filter((u) => !/^Phường \d+$/.test(u.name));
    expect(numbered.length).toBeGreaterThan(10);
    const byCode = named.slice(0, 15);
    const byName = [...numbered.slice(0, 10), ...named.slice(15, 25)];
    const splitByName = split.slice(0, 5);
    const models = [
      'Mã mô hình,Tên mô hình,Mã ĐVHC,Phường/Xã,Lĩnh vực',
      ...byCode.map((u, i) => `C-${i},Mô hình mã cũ ${i},${u.code},,Cải cách hành chính`),
      ...byName.map((u, i) => `N-${i},Mô hình tên cũ ${i},,${u.name} - ${u.district},Cải cách hành chính`),
      ...splitByName.map((u, i) => `S-${i},Mô hình tách ${i},,${u.name}; ${u.district},Cải cách hành chính`),
    ];
    const values = [
      'Mã mô hình,Kỳ báo cáo,Chỉ tiêu,Giá trị',
      ...[
        ...byCode.map((_, i) => `C-${i}`),
        ...byName.map((_, i) => `N-${i}`),
        ...splitByName.map((_, i) => `S-${i}`),
      ].map((id) => `${id},03/2025,households_supported,3`),
    ];
    const modelsFile = writeCsv(t.dir, 'mo_hinh_cu.csv', models);
    const valuesFile = writeCsv(t.dir, 'chi_tieu_cu.csv', values);
    // Models first, crosswalk after: the order of files must not matter.
    const reps = await commitFiles(ws, [GEO_FILES.units, modelsFile, valuesFile]);
    expect(reps[1]?.unregisteredUnits.length).toBe(byCode.length + byName.length + splitByName.length);
    const [cw] = await commitFiles(ws, [GEO_FILES.crosswalk]);
    expect(cw?.crosswalk).toMatchObject({
      reassigned: byCode.length + byName.length,
      pending: splitByName.length,
      unresolved: 0,
    });

    const unitOf = async (id: string) =>
      (await ws.rows<{ u: string | null }>(`SELECT unit_code AS u FROM models WHERE model_id = '${id}'`))[0]
        ?.u;
    for (const [i, u] of byCode.entries()) expect(await unitOf(`C-${i}`)).toBe([...u.targets][0]);
    for (const [i, u] of byName.entries()) expect(await unitOf(`N-${i}`)).toBe([...u.targets][0]);
    for (const i of splitByName.keys()) expect(await unitOf(`S-${i}`)).toBeNull();
    // Indicator values follow their model into the derived facts.
    const facts = await ws.rows<{ id: string; u: string | null }>(
      `SELECT model_id AS id, unit_code AS u FROM facts WHERE model_id LIKE 'N-%' ORDER BY 1`,
    );
    expect(facts.map((f) => f.u)).toEqual(
      byName
        .map((u, i) => [`N-${i}`, [...u.targets][0]] as const)
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map((x) => x[1]),
    );

    // The split cases are listed with exactly the new units the crosswalk names.
    const review = await geoReview(ws);
    expect(review.reassignmentCount).toBe(splitByName.length);
    for (const [i, u] of splitByName.entries()) {
      const r = review.reassignments.find((x) => x.modelId === `S-${i}`);
      expect(new Set(r?.candidates.map((c) => c.code))).toEqual(u.targets);
      expect(r?.oldUnit).toContain(u.name);
    }

    // A person confirms one; it moves, the derived tables follow, and a re-import keeps the choice.
    const choice = [...(splitByName[0]?.targets ?? [])][1] as string;
    const after = await geoConfirm(ws, { reassignments: [{ modelId: 'S-0', unitCode: choice }] });
    expect(after.reassignmentCount).toBe(splitByName.length - 1);
    expect(await unitOf('S-0')).toBe(choice);
    const f0 = await ws.rows<{ u: string }>(`SELECT unit_code AS u FROM facts WHERE model_id = 'S-0'`);
    expect(f0.map((r) => r.u)).toEqual([choice]);
    await commitFiles(ws, [modelsFile]);
    expect(await unitOf('S-0')).toBe(choice);
    expect(await unitOf('C-0')).toBe([...(byCode[0]?.targets ?? [])][0]);
    expect((await geoReview(ws)).reassignmentCount).toBe(splitByName.length - 1);
  });

  it('confirming a unit that does not exist changes nothing', async () => {
    await commitFiles(ws, [GEO_FILES.units, GEO_FILES.crosswalk]);
    const before = await tableChecksums(ws);
    const err = await geoConfirm(ws, { reassignments: [{ modelId: 'X', unitCode: 'NOPE' }] }).catch(
      (e: unknown) => e,
    );
    expect(isAtlasError(err, 'IMPORT_MAPPING_INVALID')).toBe(true);
    expect(await tableChecksums(ws)).toEqual(before);
  });
});

describe('crosswalk files with problems', () => {
  it('rows without a new code or with an unknown relation are rejected with their row; a missing column fails', async () => {
    const file = writeCsv(t.dir, 'doi_chieu.csv', [
      'Mã cũ,Tên cũ,Quận/Huyện,Mã mới,Tên mới,Quan hệ',
      '26740,Phường 1,Quận 3,27139,Phường Xuân Hòa,toàn bộ',
      '26741,Phường 2,Quận 3,,Phường Xuân Hòa,toàn bộ',
      '26742,Phường 3,Quận 3,27142,Phường Nhiêu Lộc,không rõ',
      '26743,Phường 4,Quận 3,27142,Phường Nhiêu Lộc,một phần',
    ]);
    const [rep] = await commitFiles(ws, [file]);
    expect(rep?.crosswalk).toMatchObject({ rows: 2, full: 1, partial: 1 });
    const rejects = await ws.rows<{ row: number; reason: string }>(
      `SELECT row, reason FROM import_rejects ORDER BY row`,
    );
    expect(rejects).toEqual([
      { row: 3, reason: 'IMPORT_MISSING_VALUE: new_code' },
      { row: 4, reason: 'IMPORT_BAD_VALUE: relation' },
    ]);

    const before = await tableChecksums(ws);
    const bad = writeCsv(t.dir, 'doi_chieu_2.csv', ['Mã cũ,Tên cũ,Tên mới', '1,Phường 1,Phường Xuân Hòa']);
    const err = await commitFiles(ws, [bad], {
      sheets: {
        [bad]: [{ sheet: 'doi_chieu_2.csv', kind: 'crosswalk', headerRow: 1, headerRows: 1, columns: [] }],
      },
    }).catch((e: unknown) => e);
    expect(isAtlasError(err, 'IMPORT_MISSING_COLUMN')).toBe(true);
    expect((err as Error).message).toMatch(/doi_chieu_2\.csv.*new_code/);
    expect(await tableChecksums(ws)).toEqual(before);
  });
});
