/** `dvk query --spec @map.json` runs a MapSpec on a workspace file and prints one row per unit. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/dvk';
import { tempDir } from '../../helpers/workspace';
import { cachedSampleWorkspace } from '../pivot/sample-workspace';

/** Run the CLI, capturing stdout and stderr. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = process.stdout.write;
  const stderr = process.stderr.write;
  process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
  try {
    return { code: await main(args), out, err };
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
  }
}

describe('dvk query with a map spec', () => {
  it('prints one row per unit for a spec file, and a typed error for a bad one', async () => {
    const t = tempDir('dvk-map-cli-');
    try {
      const file = path.join(t.dir, 'w.duckdb');
      fs.copyFileSync(await cachedSampleWorkspace(), file);
      const specFile = path.join(t.dir, 'map.json');
      fs.writeFileSync(
        specFile,
        JSON.stringify({ kind: 'map', measure: { type: 'indicator', indicator: 'satisfaction_pct' } }),
      );
      const ok = await cli(['query', '--workspace', file, '--spec', `@${specFile}`, '--format', 'json']);
      expect(ok.err).toBe('');
      expect(ok.code).toBe(0);
      const rows = JSON.parse(ok.out) as { unit_code: string; value: number | null; models: number }[];
      expect(rows).toHaveLength(170);
      expect(rows.every((r) => r.value === null || (r.value >= 0 && r.value <= 100))).toBe(true);
      expect(rows.reduce((s, r) => s + r.models, 0)).toBe(9600);

      const bad = await cli(['query', '--workspace', file, '--spec', '{"kind":"map","layer":"gaps"}']);
      expect(bad.code).toBe(1);
      expect(bad.err).toMatch(/SPEC_INVALID.*field/);
    } finally {
      t.cleanup();
    }
  }, 120_000);
});
