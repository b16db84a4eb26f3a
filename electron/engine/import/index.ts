/**
 * The two-step import. `previewFile` reads a file cheaply and guesses kind, header and mapping per
 * sheet; `commitFiles` stages every sheet, then loads all of them in ONE transaction: every row of
 * every file lands, or none does (the workspace is then exactly as before).
 */
import fs from 'node:fs';
import { listValue } from '@duckdb/node-api';
import path from 'node:path';
import crypto from 'node:crypto';
import { AtlasError } from '../../../shared/errors';
import {
  BLANK_REPORT_TOP,
  type BlankValueCount,
  type ImportKind,
  type ImportPreview,
  type ImportReport,
  type SheetMappingChoice,
  type SheetPreview,
  type TargetField,
} from '../../../shared/import-types';
import { requiredTargets, suggestMapping } from '../../../shared/import-mapping';
import { inspectFile, stageSheet, type SourceInfo } from './sources';
import { installViMacros } from './sql-macros';
import type { Workspace, WriteHold } from '../workspace/workspace';
import { raw, sql } from '../db/sql';
import type { LoadContext, LoadResult } from './loaders/context';
import { loadModels } from './loaders/models';
import { dropPrepared, loadValues, prepareValues, type PreparedValues } from './loaders/values';
import { loadUnits } from './loaders/units';
import { loadBoundaries } from './loaders/boundaries';
import { loadCrosswalk } from './loaders/crosswalk';
import { boundaryFormat, readBoundaryFile } from './geo/read';
import { previewBoundaryMatch } from './geo/match-units';
import { applyCrosswalk } from './geo/crosswalk-apply';
import { rebuildDerived, type DerivedSource } from '../workspace/derived';

export interface ImportOptions {
  encoding?: string;
  /** Confirmed mappings per file (by resolved path); absent → the preview's guesses. */
  sheets?: Record<string, SheetMappingChoice[]>;
  signal?: AbortSignal;
  onProgress?: (stage: string, done: number, total: number) => void;
}

function checkFile(file: string): string {
  const abs = path.resolve(file);
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch {
    throw new AtlasError('FILE_NOT_FOUND', `File not found: ${abs}`, { file: abs });
  }
  if (!st.isFile()) throw new AtlasError('FILE_NOT_FOUND', `Not a file: ${abs}`, { file: abs });
  if (st.size === 0) throw new AtlasError('FILE_EMPTY', `The file is empty: ${abs}`, { file: abs });
  return abs;
}

/**
 * Preview one file: format, encoding, per-sheet kind, header row, mapping guesses, samples, problems.
 * With a workspace, a boundary file also gets its matching report against the registered units.
 */
export async function previewFile(
  file: string,
  opts: { encoding?: string; ws?: Workspace } = {},
): Promise<ImportPreview> {
  const abs = checkFile(file);
  const info = await inspectSource(abs, opts.encoding);
  const preview = toPreview(abs, info);
  if (opts.ws && isBoundaryFormat(info.format)) {
    const { features } = await readBoundaryFile(abs);
    preview.boundaryMatch = await previewBoundaryMatch(opts.ws, features);
  }
  return preview;
}

const isBoundaryFormat = (f: SourceInfo['format']) =>
  f === 'geojson' || f === 'topojson' || f === 'shapefile';

/** `inspectFile`, except that a zipped Shapefile (a zip, like .xlsx) is recognised first. */
async function inspectSource(abs: string, encoding: string | undefined): Promise<SourceInfo> {
  if ((await boundaryFormat(abs)) === 'shapefile')
    return { file: abs, format: 'shapefile', sheets: [], problems: [] };
  return inspectFile(abs, encoding ? { encoding } : {});
}

function toPreview(abs: string, info: SourceInfo): ImportPreview {
  const sheets: SheetPreview[] = isBoundaryFormat(info.format)
    ? [
        {
          sheet: path.basename(abs),
          kind: 'boundaries',
          headerRow: 0,
          headerRows: 1,
          columns: [],
          types: [],
          sampleRows: [],
          problems: [],
        },
      ]
    : info.sheets.map((s) => {
        const g = suggestMapping({ sheet: s.sheet, headers: s.headers, sampleRows: s.sampleRows });
        const sp: SheetPreview = {
          sheet: s.sheet,
          kind: g.kind,
          headerRow: s.headerRow,
          headerRows: s.headerRows,
          columns: g.columns,
          types: g.types,
          sampleRows: s.sampleRows,
          problems: [...s.problems, ...g.problems],
        };
        if (s.rowCount !== undefined) sp.rowCount = s.rowCount;
        return sp;
      });
  const p: ImportPreview = { file: abs, format: info.format, sheets, problems: info.problems };
  if (info.encoding) p.encoding = info.encoding;
  if (info.encodingChoices) p.encodingChoices = info.encodingChoices;
  if (info.delimiter) p.delimiter = info.delimiter;
  return p;
}

const KIND_ORDER: Record<ImportKind, number> = {
  units: 0,
  boundaries: 1,
  crosswalk: 2,
  models: 3,
  values_long: 4,
  values_wide: 4,
  unknown: 9,
};

interface Planned {
  file: string;
  info: SourceInfo | null;
  choice: SheetMappingChoice;
  headers: string[];
  stg?: string;
  columnCount?: number;
  /** Values sheets: parsed before the transaction (`prepareValues`). */
  prepared?: PreparedValues;
}

function choiceFromPreview(s: SheetPreview): SheetMappingChoice {
  return {
    sheet: s.sheet,
    kind: s.kind,
    headerRow: s.headerRow,
    headerRows: s.headerRows,
    columns: s.columns.map((c) =>
      c.indicator
        ? { index: c.index, target: c.target, indicator: c.indicator }
        : { index: c.index, target: c.target },
    ),
  };
}

function requireColumns(p: Planned): void {
  const targets = new Set(p.choice.columns.filter((c) => c.target).map((c) => c.target as TargetField));
  for (const alternatives of requiredTargets(p.choice.kind)) {
    if (!alternatives.some((t) => targets.has(t))) {
      throw new AtlasError(
        'IMPORT_MISSING_COLUMN',
        `${path.basename(p.file)} / ${p.choice.sheet}: no column for ${alternatives.join(' or ')}`,
        { file: p.file, sheet: p.choice.sheet, column: alternatives.join(' | ') },
      );
    }
  }
}

/**
 * Import files into the workspace in one transaction. Throws (workspace unchanged) when a file cannot
 * be read, a sheet's kind is unknown or a required column is missing; rows that fail validation are
 * rejected and reported, not fatal.
 */
export async function commitFiles(
  ws: Workspace,
  files: string[],
  opts: ImportOptions = {},
): Promise<ImportReport[]> {
  // The write connection is the import's from its first staged table to its commit (Workspace.exclusive).
  return ws.exclusive((held) => commitFilesNow(ws, files, opts, held));
}

async function commitFilesNow(
  ws: Workspace,
  files: string[],
  opts: ImportOptions,
  held: WriteHold,
): Promise<ImportReport[]> {
  const started = Date.now();
  const planned: Planned[] = [];
  for (const f of files) {
    const abs = checkFile(f);
    const info = await inspectSource(abs, opts.encoding);
    const preview = toPreview(abs, info);
    const chosen = opts.sheets?.[abs] ?? preview.sheets.map(choiceFromPreview);
    const usable = chosen.filter((c) => !c.skip);
    for (const c of usable) {
      const sp = preview.sheets.find((s) => s.sheet === c.sheet);
      if (c.kind === 'unknown') {
        // A workbook may carry a notes sheet: skip unknown sheets when another sheet is usable.
        if (usable.length > 1) continue;
        throw new AtlasError(
          'IMPORT_KIND_UNKNOWN',
          `${path.basename(abs)} / ${c.sheet}: cannot tell what this sheet holds (models, indicator values or units). Check the header row.`,
          { file: abs, sheet: c.sheet },
        );
      }
      if (c.kind === 'boundaries' && !isBoundaryFormat(info.format))
        throw new AtlasError(
          'IMPORT_KIND_UNKNOWN',
          `${path.basename(abs)} / ${c.sheet}: boundaries come from GeoJSON, TopoJSON or a zipped Shapefile, not from a table`,
          { file: abs, sheet: c.sheet },
        );
      planned.push({ file: abs, info, choice: c, headers: sp?.columns.map((x) => x.header) ?? [] });
    }
    if (!planned.some((p) => p.file === abs)) {
      throw new AtlasError('IMPORT_NO_ROWS', `${path.basename(abs)}: no sheet with importable data`, {
        file: abs,
      });
    }
  }
  planned.forEach(requireColumns);
  planned.sort((a, b) => KIND_ORDER[a.choice.kind] - KIND_ORDER[b.choice.kind]);

  // Stage outside the transaction (temp tables on the write connection); DuckDB may only read copies
  // placed in the workspace's staging folder.
  await installViMacros(ws.write);
  const copies = new Map<string, string>();
  try {
    let n = 0;
    for (const p of planned) {
      // (not inside the optional call: `?.` would skip the increment when there is no listener)
      n++;
      opts.onProgress?.('stage', n - 1, planned.length);
      if (p.choice.kind === 'boundaries' || !p.info) continue;
      let copy = copies.get(p.file);
      if (!copy) {
        copy = path.join(ws.stagingDir, `${crypto.randomUUID()}${path.extname(p.file).toLowerCase()}`);
        fs.copyFileSync(p.file, copy);
        copies.set(p.file, copy);
      }
      const stg = `stg_${n}`;
      await ws.exec(raw(`DROP TABLE IF EXISTS ${stg}`));
      const staged = await stageSheet(ws.write, copy, p.info, p.choice.sheet, {
        table: stg,
        headerRow: p.choice.headerRow,
        headerRows: p.choice.headerRows as 1 | 2,
        ...(opts.encoding ? { encoding: opts.encoding } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
        tempDir: ws.stagingDir,
      } as Parameters<typeof stageSheet>[4]);
      p.stg = staged.table;
      p.columnCount = staged.columns.length;
      if (!p.headers.length) p.headers = staged.columns;
      // Values are parsed here too, outside the transaction, where DuckDB scans on every thread.
      if (p.choice.kind === 'values_long' || p.choice.kind === 'values_wide')
        p.prepared = await prepareValues(loadContext(ws, p, 0, []), p.choice.kind === 'values_wide');
    }
    if (opts.signal?.aborted) throw new AtlasError('CANCELLED', 'Import cancelled');
    opts.onProgress?.('backup', 0, 1);
    await ws.backup();

    const reports = await ws.transaction(async () => {
      const byFile = new Map<string, ImportReport>();
      // Blank value cells per indicator over each file's values sheets (reports carry the top few).
      const blanksByFile = new Map<string, Map<string, BlankValueCount>>();
      // Values sheets and the prepared tables they went in from (null: not read back from one).
      const valueLoads: { importId: number; from: LoadResult['insertedFrom'] | null }[] = [];
      for (const [i, p] of planned.entries()) {
        opts.onProgress?.('load', i, planned.length);
        if (opts.signal?.aborted) throw new AtlasError('CANCELLED', 'Import cancelled');
        const sourceKey = `${path.basename(p.file).toLowerCase()}|${p.choice.sheet}|${p.choice.kind}`;
        const prev = await ws.rows<{ id: number }>(
          sql`SELECT id FROM imports WHERE source_key = ${sourceKey} AND status = 'ok'`,
          ws.write,
        );
        const idRow = await ws.rows<{ id: number }>(
          raw('SELECT coalesce(max(id), 0)::INTEGER + 1 AS id FROM imports'),
          ws.write,
        );
        const importId = idRow[0]?.id ?? 1;
        await ws.exec(sql`INSERT INTO imports VALUES (${importId}, ${p.file}, ${sourceKey}, ${p.choice.sheet}, ${p.choice.kind},
          0, 0, 0, 0, now()::TIMESTAMP, NULL, 'running')`);
        const replaces = prev.map((r) => r.id);
        let res: LoadResult;
        let geo: Pick<ImportReport, 'boundaryMatch' | 'crosswalk'> = {};
        if (p.choice.kind === 'boundaries') {
          const b = await loadBoundaries(ws, p.file, importId, replaces);
          res = b;
          geo = { boundaryMatch: b.boundaryMatch };
        } else {
          const ctx = loadContext(ws, p, importId, replaces);
          if (p.choice.kind === 'models') res = await loadModels(ctx);
          else if (p.choice.kind === 'units') res = await loadUnits(ctx);
          else if (p.choice.kind === 'crosswalk') {
            const c = await loadCrosswalk(ctx);
            res = c;
            geo = {
              crosswalk: {
                rows: c.imported,
                full: c.full,
                partial: c.partial,
                reassigned: 0,
                pending: 0,
                unresolved: 0,
              },
            };
          } else {
            res = await loadValues(ctx, p.choice.kind === 'values_wide', p.prepared);
            valueLoads.push({ importId, from: res.insertedFrom ?? null });
          }
          await ws.exec(raw(`DROP TABLE IF EXISTS ${p.stg}`));
        }
        if (replaces.length)
          await ws.exec(sql`UPDATE imports SET status = 'replaced' WHERE id = ANY(${listOfInts(replaces)})`);
        await ws.exec(sql`UPDATE imports SET rows_in = ${res.rowsIn}, rows_imported = ${res.imported}, rows_rejected = ${res.rejected},
          rows_skipped = ${res.skipped}, finished = now()::TIMESTAMP, status = 'ok' WHERE id = ${importId}`);
        const rep = byFile.get(p.file) ?? emptyReport(importId, p);
        rep.sheets.push({
          importId,
          sheet: p.choice.sheet,
          kind: p.choice.kind,
          rowsIn: res.rowsIn,
          rowsImported: res.imported,
          rowsRejected: res.rejected,
          rowsSkipped: res.skipped,
          ...(res.valuesBlank === undefined
            ? {}
            : {
                valuesBlank: res.valuesBlank,
                valuesBlankByIndicator: (res.blankByIndicator ?? []).slice(0, BLANK_REPORT_TOP),
              }),
        });
        rep.rowsIn += res.rowsIn;
        rep.rowsImported += res.imported;
        rep.rowsRejected += res.rejected;
        if (res.valuesBlank !== undefined) {
          const acc = blanksByFile.get(p.file) ?? new Map<string, BlankValueCount>();
          blanksByFile.set(p.file, acc);
          rep.valuesBlank = (rep.valuesBlank ?? 0) + res.valuesBlank;
          rep.valuesBlankByIndicator = mergeBlanks(acc, res.blankByIndicator ?? []);
        }
        rep.unregisteredUnits.push(...res.unregisteredUnits);
        rep.unknownFields.push(...res.unknownFields);
        rep.newIndicators.push(...res.newIndicators);
        rep.replacedPrevious ||= replaces.length > 0;
        if (geo.boundaryMatch) rep.boundaryMatch = geo.boundaryMatch;
        if (geo.crosswalk) rep.crosswalk = geo.crosswalk;
        byFile.set(p.file, rep);
      }
      // Models naming pre-2025 units move to their 2025 unit whichever order crosswalk and models came in.
      const moved = await applyCrosswalk(ws);
      if (moved) {
        for (const rep of byFile.values()) {
          if (!rep.crosswalk && moved.reassigned + moved.pending === 0) continue;
          rep.crosswalk = { rows: 0, full: 0, partial: 0, ...rep.crosswalk, ...moved };
        }
        const still = await ws.rows<{ u: string }>(
          raw(`SELECT DISTINCT coalesce(m.unit_code, m.unit_name) AS u FROM models m
               WHERE NOT EXISTS (SELECT 1 FROM units u WHERE u.code = m.unit_code)`),
          ws.write,
        );
        const left = new Set(still.map((r) => r.u));
        for (const rep of byFile.values())
          rep.unregisteredUnits = rep.unregisteredUnits.filter((u) => left.has(u));
      }
      await ws.bumpDataVersion();
      opts.onProgress?.('derive', planned.length, planned.length);
      await rebuildDerived(ws, await derivedSource(ws, valueLoads));
      // Last point of no return: a cancel that arrived during the load still rolls everything back.
      if (opts.signal?.aborted) throw new AtlasError('CANCELLED', 'Import cancelled');
      return [...byFile.values()];
    }, held);
    const ms = Date.now() - started;
    for (const r of reports) r.ms = ms;
    opts.onProgress?.('done', planned.length, planned.length);
    return reports;
  } finally {
    for (const p of planned) {
      if (!p.stg) continue;
      await ws.exec(raw(`DROP TABLE IF EXISTS ${p.stg}`)).catch(() => undefined);
      if (p.prepared) await dropPrepared({ ws, stg: p.stg });
    }
    for (const c of copies.values()) fs.rmSync(c, { force: true });
  }
}

/**
 * What the derived rebuild of an import reads its values from (workspace/derived.ts DerivedSource): the
 * rows already in `indicator_values` from other imports, plus this import's rows read from the temp
 * tables they were inserted from. Only when that is exactly `indicator_values`: every values sheet went
 * in whole from its prepared table, and each sheet's rows are all still there (a later sheet of the same
 * import replaces the values it repeats, and would make the count smaller). Otherwise `indicator_values`.
 */
async function derivedSource(
  ws: Workspace,
  loads: readonly { importId: number; from: LoadResult['insertedFrom'] | null }[],
): Promise<DerivedSource | undefined> {
  if (loads.length === 0 || loads.some((l) => !l.from)) return undefined;
  const ids = loads.map((l) => Math.trunc(l.importId)).join(', ');
  // Rows per import of this one, and of all others together (-1).
  const have = await ws.rows<{ id: number; n: number }>(
    raw(`SELECT CASE WHEN import_id IN (${ids}) THEN import_id ELSE -1 END AS id, count(*)::INTEGER AS n
      FROM indicator_values GROUP BY 1`),
    ws.write,
  );
  const counts = new Map(have.map((r) => [Number(r.id), Number(r.n)]));
  if (loads.some((l) => (counts.get(l.importId) ?? 0) !== l.from?.rows)) return undefined;
  const parts = loads.map(
    (l) =>
      `SELECT model_id, CAST(period_start AS DATE) AS period_start, indicator_code, value FROM ${l.from?.table}`,
  );
  // Values of earlier imports that stay (none on a first import: then the inserted rows are not scanned).
  if (counts.has(-1))
    parts.unshift(`SELECT model_id, period_start, indicator_code, value FROM indicator_values
      WHERE import_id IS NULL OR import_id NOT IN (${ids})`);
  return { values: `(${parts.join(' UNION ALL ')})` };
}

/** Add a sheet's blank cells per indicator to a file's, and return the file's top few, most first. */
function mergeBlanks(acc: Map<string, BlankValueCount>, add: BlankValueCount[]): BlankValueCount[] {
  for (const b of add) {
    const a = acc.get(b.indicator);
    if (a) a.count += b.count;
    else acc.set(b.indicator, { ...b });
  }
  return [...acc.values()]
    .sort((a, b) => b.count - a.count || a.indicator.localeCompare(b.indicator))
    .slice(0, BLANK_REPORT_TOP)
    .map((b) => ({ ...b }));
}

function listOfInts(ids: number[]) {
  return listValue(ids.map((i) => Math.trunc(i)));
}

function emptyReport(importId: number, p: Planned): ImportReport {
  return {
    importId,
    file: p.file,
    format: p.info?.format ?? 'geojson',
    sheets: [],
    rowsIn: 0,
    rowsImported: 0,
    rowsRejected: 0,
    unregisteredUnits: [],
    unknownFields: [],
    newIndicators: [],
    replacedPrevious: false,
    problems: [],
    ms: 0,
  };
}

function loadContext(ws: Workspace, p: Planned, importId: number, replaces: number[]): LoadContext {
  const col: LoadContext['col'] = {};
  const valueCols: LoadContext['valueCols'] = [];
  for (const c of p.choice.columns) {
    if (!c.target || c.index >= (p.columnCount ?? 0)) continue;
    const name = `c${c.index}`;
    if (p.choice.kind === 'values_wide' && c.target === 'value') {
      if (c.indicator)
        valueCols.push({ col: name, indicator: c.indicator, header: p.headers[c.index] ?? name });
      continue;
    }
    const t = c.target as TargetField;
    if (!col[t]) col[t] = name;
  }
  return {
    ws,
    importId,
    replaces,
    file: p.file,
    sheet: p.choice.sheet,
    stg: p.stg as string,
    columnCount: p.columnCount ?? 0,
    col,
    valueCols,
    headers: p.headers,
  };
}
