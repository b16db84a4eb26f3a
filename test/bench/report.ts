/**
 * The printed report: one markdown table per section and the targets, each MET or MISSED with the measured
 * figure. Ratios are "times faster than" (other p50 ÷ engine p50).
 */
import type { ImportResult } from './import';
import type { MachineInfo, SpeedProbe } from './lib/machine';
import type { Timing } from './lib/timing';
import type { Measured, QueryRow, QueryScaleResult } from './queries';
import type { RssResult } from './rss';
import type { UiResult } from './ui';

export interface BenchResults {
  machine: MachineInfo;
  args: string[];
  startedAt: string;
  elapsedS?: number;
  imports?: ImportResult[];
  queries?: QueryScaleResult[];
  ui?: UiResult[];
  rss?: RssResult[];
  /** Sections that crashed (the run exits with 2). */
  errors?: { section: string; message: string }[];
  /** The machine's speed at the start and the end of the run (lib/machine.ts speedProbe). */
  speed?: { start: SpeedProbe; end?: SpeedProbe };
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const isTiming = (m: Measured): m is Timing => 'p50' in m;

function cell(m: Measured, planned: number): string {
  if (isTiming(m)) return `${ms(m.p50)} / ${ms(m.p95)}${m.runs < planned ? ` (n=${m.runs})` : ''}`;
  return 'fail' in m ? `**FAIL**: ${m.fail}` : `n/a`;
}

function ratio(engine: Measured, other: Measured): string {
  if (!isTiming(engine) || !isTiming(other)) return '';
  return `${(other.p50 / engine.p50).toFixed(1)}×`;
}

function queryTable(r: QueryScaleResult): string[] {
  const [e, s] = [r.plannedRuns.engine, r.plannedRuns.slow];
  const out = [
    `### Queries, scale ${r.scale} (p50 / p95 ms; ×: other p50 ÷ engine p50)`,
    '',
    '| spec | rows | table | engine | cached | plain SQL | × | Perspective | × | Arquero | × |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const q of r.rows) {
    out.push(
      `| ${q.id} | ${q.resultRows} | ${q.table ?? '—'} | ${cell(q.engine, e)} | ${q.engineCached ? cell(q.engineCached, e) : ''} | ${cell(q.baseline, s)} | ${ratio(q.engine, q.baseline)} | ${cell(q.perspective, s)} | ${ratio(q.engine, q.perspective)} | ${cell(q.arquero, s)} | ${ratio(q.engine, q.arquero)} |`,
    );
  }
  const load = Object.entries(r.peerLoadMs).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`);
  out.push(
    '',
    `Peer load (excluded above): ${load.join(', ') || 'peers not run'}. Load average ${r.loadAvg.map((x) => x.toFixed(1)).join(' → ')}. ${r.engineCache}.`,
  );
  const na = new Map<string, string>();
  for (const q of r.rows) {
    const why = (['perspective', 'arquero'] as const).flatMap((p) =>
      'na' in q[p] ? [(q[p] as { na: string }).na] : [],
    );
    if (why[0] && why[0] !== 'not run') na.set(q.id.replace(/ \+filter.*$/, ''), why[0]);
  }
  const runs = `${e} engine runs, up to ${s} for the others (fewer: n shown)`;
  const peers = na.size
    ? `Peers n/a: ${[...na].map(([id, why]) => `${id} (${why})`).join('; ')}.`
    : 'Peers not run at this scale (see --peers-at-10).';
  out.push('', `Runs: ${runs}. ${peers}`);
  return out;
}

function importTable(rows: ImportResult[]): string[] {
  return [
    '### Import of the scale-1 sample (fresh workspace, own process)',
    '',
    '| source | files | rows imported | rejected | wall s (median run) | every run s | rows/s | peak RSS MB |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.source} | ${r.files.join(', ')} | ${r.rowsImported} | ${r.rowsRejected} | ${(r.importMs / 1000).toFixed(2)} | ${(r.runsMs ?? [r.importMs]).map((ms) => (ms / 1000).toFixed(2)).join(' / ')} | ${Math.round(r.rowsPerSec)} | ${r.maxRssMb.toFixed(0)} |`,
    ),
  ];
}

function uiTable(rows: UiResult[]): string[] {
  return [
    '### UI in Chromium (web harness)',
    '',
    '| scale | load → overview-rendered ms | filter click → charts-rendered p50 / p95 ms | clicks (marks missed) | JS heap MB after load / after clicks |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.scale} | ${r.loadToOverviewMs.toFixed(0)} | ${ms(r.filterToCharts.p50)} / ${ms(r.filterToCharts.p95)} | ${r.clicks} (${r.missedMarks}) | ${r.heapAfterLoadMb.toFixed(1)} / ${r.heapAfterClicksMb.toFixed(1)} |`,
    ),
  ];
}

function rssTable(rows: RssResult[]): string[] {
  return [
    '### Engine process memory (open workspace, Overview specs once, then the idle warm-up)',
    '',
    '| scale | RSS before open MB | after open MB | after Overview MB | after warm-up MB | peak MB |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.scale} | ${r.baseRss.toFixed(0)} | ${r.openRss.toFixed(0)} | ${r.rss.toFixed(0)} | ${r.warmRss?.toFixed(0) ?? '—'} | ${r.maxRss.toFixed(0)} |`,
    ),
  ];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Target lines: [target, MET/MISSED/NOT MEASURED, measured]. */
export function targets(r: BenchResults): string[][] {
  const out: string[][] = [];
  const verdict = (ok: boolean | null) => (ok === null ? 'NOT MEASURED' : ok ? 'MET' : 'MISSED');
  for (const [scale, limit] of [
    [1, 20],
    [10, 60],
  ] as const) {
    const q = r.queries?.find((x) => x.scale === scale);
    const timed = q?.rows.filter((x) => isTiming(x.engine)) ?? [];
    const over = timed.filter((x) => (x.engine as Timing).p95 > limit);
    const worst = timed.reduce<QueryRow | null>(
      (w, x) => (!w || (x.engine as Timing).p95 > (w.engine as Timing).p95 ? x : w),
      null,
    );
    out.push([
      `engine p95 ≤ ${limit} ms on every spec, scale ${scale}`,
      verdict(q ? over.length === 0 : null),
      q && worst
        ? `${over.length}/${timed.length} specs over; worst ${worst.id} ${ms((worst.engine as Timing).p95)} ms`
        : '',
    ]);
  }
  const q10 = r.queries?.find((x) => x.scale === 10);
  // A kept-percentiles row times the same ranking again (warm): not a spec of its own.
  const ratios = (q10?.rows ?? []).flatMap((x) =>
    !x.kept && isTiming(x.engine) && isTiming(x.baseline) ? [x.baseline.p50 / x.engine.p50] : [],
  );
  out.push([
    '≥ 10× faster than plain SQL on the median spec, scale 10',
    verdict(ratios.length ? median(ratios) >= 10 : null),
    ratios.length
      ? `median ${median(ratios).toFixed(2)}× (range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(1)}×)`
      : '',
  ]);
  const pivots = (r.queries ?? []).flatMap((s) =>
    s.rows
      .filter((x) => x.shape === 'pivot' && isTiming(x.perspective) && isTiming(x.engine))
      .map((x) => ({ s: s.scale, x })),
  );
  const slower = pivots.filter(({ x }) => (x.engine as Timing).p50 >= (x.perspective as Timing).p50);
  out.push([
    'faster than Perspective on every pivot it can express',
    verdict(pivots.length ? slower.length === 0 : null),
    pivots.length
      ? `${pivots.length - slower.length}/${pivots.length} pivots faster${slower.length ? `; slower: ${slower.map(({ s, x }) => `${x.id} (scale ${s})`).join(', ')}` : ''}`
      : '',
  ]);
  for (const [scale, limit] of [
    [1, 100],
    [10, 250],
  ] as const) {
    const u = r.ui?.find((x) => x.scale === scale);
    out.push([
      `filter click → all visible charts re-rendered p95 ≤ ${limit} ms, scale ${scale}`,
      verdict(u ? u.filterToCharts.p95 <= limit : null),
      u
        ? `p95 ${ms(u.filterToCharts.p95)} ms (p50 ${ms(u.filterToCharts.p50)}; ${u.missedMarks}/${u.clicks} clicks got no mark)`
        : '',
    ]);
  }
  for (const [source, limit] of [
    ['CSV', 4],
    ['XLSX', 20],
  ] as const) {
    const i = r.imports?.find((x) => x.source === source);
    out.push([
      `import of the scale-1 sample from ${source} ≤ ${limit} s`,
      verdict(i ? i.importMs / 1000 <= limit : null),
      i ? `${(i.importMs / 1000).toFixed(2)} s (median of ${i.runsMs?.length ?? 1})` : '',
    ]);
  }
  const rss1 = r.rss?.find((x) => x.scale === 1);
  out.push([
    'engine RSS ≤ 400 MB, scale 1',
    verdict(rss1 ? rss1.rss <= 400 : null),
    rss1
      ? `${rss1.rss.toFixed(0)} MB after loading${rss1.warmRss === undefined ? '' : `; ${rss1.warmRss.toFixed(0)} MB after the idle warm-up`}`
      : '',
  ]);
  return out;
}

export function renderReport(r: BenchResults): string {
  const m = r.machine;
  const lines = [
    `## DVK Atlas benchmarks — ${r.startedAt}`,
    '',
    `${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GiB, ${m.platform}, Node ${m.node}, DuckDB ${m.duckdb}, commit ${m.gitCommit.slice(0, 10)}${m.gitDirtyFiles ? ` + ${m.gitDirtyFiles} changed files` : ''}; load average at start ${m.loadAvgAtStart.join(' ')}.`,
    '',
  ];
  if (r.speed) {
    const p = (x: SpeedProbe) => `DuckDB ${x.duckdbMs} ms, JS ${x.jsMs} ms`;
    lines.push(
      `Machine speed probe (the same fixed work every run; higher = slower machine): ${p(r.speed.start)} at the start${r.speed.end ? `; ${p(r.speed.end)} at the end` : ''}.`,
      '',
    );
  }
  if (r.imports) lines.push(...importTable(r.imports), '');
  for (const q of r.queries ?? []) lines.push(...queryTable(q), '');
  if (r.ui) lines.push(...uiTable(r.ui), '');
  if (r.rss) lines.push(...rssTable(r.rss), '');
  for (const e of r.errors ?? []) lines.push(`**Section failed: ${e.section}**: ${e.message}`, '');
  lines.push('### Targets', '', '| target | verdict | measured |', '| --- | --- | --- |');
  for (const [t, v, x] of targets(r)) lines.push(`| ${t} | ${v === 'MISSED' ? '**MISSED**' : v} | ${x} |`);
  return lines.join('\n') + '\n';
}
