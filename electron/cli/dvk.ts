/**
 * `dvk`: the command-line face of the engine (sample, import, info, query). Exit code 0 on success,
 * 1 on a user-facing error (printed as `error [CODE]: message`), 2 on a usage error.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { AtlasError, toErrorPayload } from '../../shared/errors';
import { SpecSchema } from '../../shared/specs';
import type { SheetMappingChoice } from '../../shared/import-types';
import { Workspace } from '../engine/workspace/workspace';
import { commitFiles } from '../engine/import';
import { geoReportLines } from '../engine/import/geo/report-text';
import { EngineServer } from '../engine/server';
import { workspaceInfo } from '../engine/workspace/info';
import { writeSample } from '../engine/sample';
import { tableColumns, tableRows, toCsv } from './output';
import { registerExport } from './export';
import { registerServe } from './serve';
import { registerBrief } from './brief';

const out = (s: string) => process.stdout.write(s);

/** Default folder for the engine's temp files and staged copies when run from the CLI. */
function dataDirFor(workspace: string): string {
  const base = process.env.DVK_DATA_DIR ?? path.join(os.tmpdir(), 'dvk-atlas');
  const tag = path
    .resolve(workspace)
    .replace(/[^A-Za-z0-9]+/g, '_')
    .slice(-80);
  return path.join(base, tag);
}

async function withWorkspace<T>(file: string, fn: (ws: Workspace) => Promise<T>): Promise<T> {
  const ws = await Workspace.open({ path: file, dataDir: dataDirFor(file) });
  try {
    return await fn(ws);
  } finally {
    ws.close();
  }
}

function readJsonArg(arg: string): unknown {
  const text = arg.startsWith('@') ? fs.readFileSync(arg.slice(1), 'utf8') : arg;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AtlasError('SPEC_INVALID', `Not valid JSON: ${(e as Error).message}`);
  }
}

export function buildProgram(): Command {
  const program = new Command('dvk')
    .description('DVK Atlas command line: sample data, import, workspace info and queries')
    .exitOverride()
    .showHelpAfterError();

  program
    .command('sample')
    .description('write the illustrative sample dataset (XLSX, CSV, GeoJSON) into a folder')
    .requiredOption('--out <dir>', 'output folder')
    .option('--scale <n>', 'multiply the number of models', '1')
    .option('--seed <s>', 'random seed', '20250701')
    .action(async (o: { out: string; scale: string; seed: string }) => {
      const m = await writeSample(o.out, { scale: Number(o.scale), seed: Number(o.seed) });
      out(JSON.stringify(m, null, 2) + '\n');
    });

  program
    .command('import')
    .description('import files into a workspace (one transaction: all land or none)')
    .requiredOption('--workspace <file>', 'workspace .duckdb file (created if missing)')
    .option(
      '--mapping <file>',
      'JSON: { "<file name>": [SheetMappingChoice…] } overriding the guessed mapping',
    )
    .option('--encoding <enc>', 'text encoding override (utf-8, utf-16le, windows-1258, tcvn3, vni)')
    .argument('<files...>')
    .action(async (files: string[], o: { workspace: string; mapping?: string; encoding?: string }) => {
      let sheets: Record<string, SheetMappingChoice[]> | undefined;
      if (o.mapping) {
        const m = readJsonArg(`@${o.mapping}`) as Record<string, SheetMappingChoice[]>;
        sheets = {};
        for (const f of files) {
          const hit = m[f] ?? m[path.basename(f)] ?? m[path.resolve(f)];
          if (hit) sheets[path.resolve(f)] = hit;
        }
      }
      await withWorkspace(o.workspace, async (ws) => {
        const reports = await commitFiles(ws, files, {
          ...(sheets ? { sheets } : {}),
          ...(o.encoding ? { encoding: o.encoding } : {}),
        });
        for (const r of reports) {
          for (const s of r.sheets) {
            out(
              `${path.basename(r.file)}\t${s.sheet}\t${s.kind}\timported ${s.rowsImported}\trejected ${s.rowsRejected}\tskipped ${s.rowsSkipped}${s.valuesBlank === undefined ? '' : `\tblank ${s.valuesBlank}`}\n`,
            );
          }
          if (r.valuesBlank)
            out(
              `  blank value cells (not reported, not counted as 0): ${r.valuesBlank}; most: ${(r.valuesBlankByIndicator ?? []).map((b) => `${b.indicator} ${b.count}`).join(', ')}\n`,
            );
          if (r.unregisteredUnits.length)
            out(
              `  unregistered units: ${r.unregisteredUnits.slice(0, 20).join(', ')}${r.unregisteredUnits.length > 20 ? ' …' : ''}\n`,
            );
          if (r.unknownFields.length) out(`  unknown fields kept: ${r.unknownFields.join(', ')}\n`);
          if (r.newIndicators.length) out(`  new indicators: ${r.newIndicators.join(', ')}\n`);
          for (const line of geoReportLines(r)) out(`  ${line}\n`);
        }
        out(`done in ${((reports[0]?.ms ?? 0) / 1000).toFixed(1)} s\n`);
      });
    });

  program
    .command('info')
    .description('counts per table, period range and imports of a workspace')
    .requiredOption('--workspace <file>', 'workspace .duckdb file')
    .option('--json', 'print JSON')
    .action(async (o: { workspace: string; json?: boolean }) => {
      if (!fs.existsSync(o.workspace))
        throw new AtlasError('FILE_NOT_FOUND', `No workspace at ${o.workspace}`);
      await withWorkspace(o.workspace, async (ws) => {
        const info = await workspaceInfo(ws);
        if (o.json) {
          out(JSON.stringify(info, null, 2) + '\n');
          return;
        }
        out(`workspace ${info.path} (schema ${info.schemaVersion}, data version ${info.dataVersion})\n`);
        for (const [t, n] of Object.entries(info.counts)) out(`  ${t.padEnd(18)} ${n}\n`);
        out(`  periods            ${info.periodRange.from ?? '–'} … ${info.periodRange.to ?? '–'}\n`);
        for (const i of info.imports)
          out(
            `  import #${i.id} ${path.basename(i.file)} / ${i.sheet} ${i.kind}: ${i.rowsImported} imported, ${i.rowsRejected} rejected (${i.status})\n`,
          );
      });
    });

  program
    .command('query')
    .description('run a spec (JSON text or @file) and print the result')
    .requiredOption('--workspace <file>', 'workspace .duckdb file')
    .requiredOption('--spec <json>', 'spec JSON, or @path to a JSON file')
    .option('--format <f>', 'csv | json | xlsx (xlsx: a pivot spec, needs --out)', 'csv')
    .option('--out <file>', 'write the xlsx file here')
    .action(async (o: { workspace: string; spec: string; format: string; out?: string }) => {
      const parsed = SpecSchema.safeParse(readJsonArg(o.spec));
      if (!parsed.success) {
        const i = parsed.error.issues[0];
        throw new AtlasError(
          'SPEC_INVALID',
          `${i?.path.join('.') || '(root)'}: ${i?.message ?? 'invalid spec'}`,
        );
      }
      if (!fs.existsSync(o.workspace))
        throw new AtlasError('FILE_NOT_FOUND', `No workspace at ${o.workspace}`);
      if (o.format === 'xlsx') {
        const spec = parsed.data;
        if (spec.kind !== 'pivot') throw new AtlasError('SPEC_INVALID', 'xlsx export needs a pivot spec');
        if (!o.out) throw new AtlasError('REQUEST_INVALID', 'xlsx export needs --out FILE');
        const file = o.out;
        await withWorkspace(o.workspace, async (ws) => {
          const r = await new EngineServer(ws).run('export.pivot', { spec, format: 'xlsx' });
          fs.writeFileSync(file, r.bytes);
          out(`${file}\n`);
        });
        return;
      }
      await withWorkspace(o.workspace, async (ws) => {
        const r = await new EngineServer(ws).query(parsed.data);
        const rows = tableRows(r.arrow);
        if (o.format === 'json') out(JSON.stringify(rows, null, 2) + '\n');
        else out(toCsv(rows, tableColumns(r.arrow)));
      });
    });
  registerServe(program);
  registerExport(program);
  registerBrief(program, withWorkspace);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    const p = toErrorPayload(e);
    const where = p.details
      ? [
          p.details.file && path.basename(String(p.details.file)),
          p.details.sheet,
          p.details.row && `row ${p.details.row}`,
          p.details.column && `column ${p.details.column}`,
        ]
          .filter(Boolean)
          .join(', ')
      : '';
    process.stderr.write(`error [${p.code}]: ${p.message}${where ? ` (${where})` : ''}\n`);
    return 1;
  }
}
