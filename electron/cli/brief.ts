/**
 * `dvk export-brief --workspace W --out brief.pptx|brief.xlsx [--lang vi|en] [--rank JSON|@file]`: the
 * replication brief of the workspace's saved shortlist, written offline. The format follows the file
 * extension; scores use the RankSpec given (default: the "sustained" preset).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AtlasError } from '../../shared/errors';
import { RankSpecSchema, type RankSpec } from '../../shared/rank-spec';
import { EngineServer } from '../engine/server';
import type { Workspace } from '../engine/workspace/workspace';

type WithWorkspace = <T>(file: string, fn: (ws: Workspace) => Promise<T>) => Promise<T>;

function rankArg(arg: string | undefined): RankSpec | undefined {
  if (!arg) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(arg.startsWith('@') ? fs.readFileSync(arg.slice(1), 'utf8') : arg);
  } catch (e) {
    throw new AtlasError('SPEC_INVALID', `Not valid JSON: ${(e as Error).message}`);
  }
  const p = RankSpecSchema.safeParse(json);
  if (!p.success) {
    const i = p.error.issues[0];
    throw new AtlasError(
      'SPEC_INVALID',
      `${i?.path.join('.') || '(root)'}: ${i?.message ?? 'invalid rank spec'}`,
    );
  }
  return p.data;
}

/** Register the `export-brief` command (`withWorkspace` opens and closes the workspace). */
export function registerBrief(program: Command, withWorkspace: WithWorkspace): void {
  program
    .command('export-brief')
    .description('write the replication brief of the saved shortlist (.pptx or .xlsx, by extension)')
    .requiredOption('--workspace <file>', 'workspace .duckdb file')
    .requiredOption('--out <file>', 'brief.pptx or brief.xlsx')
    .option('--lang <lang>', 'vi | en', 'vi')
    .option('--rank <json>', 'RankSpec JSON (or @file) for the scores; default: the "sustained" preset')
    .action(async (o: { workspace: string; out: string; lang: string; rank?: string }) => {
      const ext = path.extname(o.out).toLowerCase();
      if (ext !== '.pptx' && ext !== '.xlsx')
        throw new AtlasError('REQUEST_INVALID', 'The output file must end in .pptx or .xlsx');
      if (o.lang !== 'vi' && o.lang !== 'en')
        throw new AtlasError('REQUEST_INVALID', '--lang must be vi or en');
      if (!fs.existsSync(o.workspace))
        throw new AtlasError('FILE_NOT_FOUND', `No workspace at ${o.workspace}`);
      const rank = rankArg(o.rank);
      await withWorkspace(o.workspace, async (ws) => {
        const r = await new EngineServer(ws).run('export.brief', {
          format: ext === '.pptx' ? 'pptx' : 'xlsx',
          locale: o.lang as 'vi' | 'en',
          ...(rank ? { rank } : {}),
        });
        fs.writeFileSync(o.out, r.bytes);
        process.stdout.write(`${o.out}\n`);
      });
    });
}
