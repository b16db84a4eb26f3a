/**
 * Query benchmark at one scale: every suite entry through (a) the engine end to end
 * (`EngineServer.query`: spec in, Arrow bytes out), (b) the hand-written plain-SQL baseline on the normalised
 * tables (same connection, same Arrow encoder) and (c) the peers where they can express it. Before timing,
 * each result is checked against the engine's (canonical key → value maps, relative tolerance 1e-9).
 */
import os from 'node:os';
import { queryArrow } from '../../electron/engine/db/arrow';
import { raw } from '../../electron/engine/db/sql';
import { CatalogCache } from '../../electron/engine/query/catalog-cache';
import { explainSpec } from '../../electron/engine/query/planner';
import { rankSource } from '../../electron/engine/query/rank-compile';
import { EngineServer } from '../../electron/engine/server';
import type { Workspace } from '../../electron/engine/workspace/workspace';
import type { Spec } from '../../shared/specs';
import { benchWorkspace, openBenchWorkspace } from './lib/data';
import { log } from './lib/log';
import { time, type Timing, type TimingPlan } from './lib/timing';
import { canonArrow, diffCanon, type Canon } from './queries/canon';
import type { PerspectivePeer } from './queries/peers';
import { SUITE, type PeerQuery, type SuiteEntry } from './queries/suite';

/** A timed method: its timing, or why it has none ('n/a: …'), or an equality failure ('FAIL: …'). */
export type Measured = Timing | { na: string } | { fail: string };

export interface QueryRow {
  id: string;
  source: string;
  shape: SuiteEntry['shape'];
  resultRows: number;
  /** The table the planner reads the values from (null: no value part, e.g. the Models list). */
  table: string | null;
  engine: Measured;
  /** Timed with the ranking's first stage kept (SuiteEntry.kept); otherwise cold. */
  kept?: boolean;
  /** The engine with its result cache on: every timed run is a hit (spec in → cached Arrow bytes out). */
  engineCached: Measured;
  baseline: Measured;
  perspective: Measured;
  arquero: Measured;
}

export interface QueryScaleResult {
  scale: number;
  rows: QueryRow[];
  peerLoadMs: { perspective?: number; arquero?: number };
  /** How the engine was measured regarding result caching. */
  engineCache: string;
  loadAvg: [number, number];
  plannedRuns: { engine: number; slow: number };
}

export interface QueryPlans {
  engine: TimingPlan;
  slow: TimingPlan;
  peers: boolean;
}

type Peer = { run: (q: PeerQuery) => Promise<Canon> };

/**
 * Where a spec reads its values: the planner's choice for aggregates, pivots, series and map measures; the
 * model cube or `facts` for rankings (rank-compile.ts); null when there is no value part
 * (model lists and counts, which read `model_dim` and, under a period filter, `model_months`).
 */
function valueTable(spec: Spec, catalog: CatalogCache): string | null {
  // A ranking reads per-model partials from the model cube or `facts` (rank-compile.ts chooses).
  if (spec.kind === 'rank') return rankSource(spec, catalog);
  return explainSpec(spec, catalog).facts;
}

/** Check a method against the engine's canonical result, then time it. */
async function checked(expected: Canon, run: () => Promise<Canon>, plan: TimingPlan): Promise<Measured> {
  try {
    const diff = diffCanon(expected, await run());
    if (diff.length) return { fail: diff.join('; ') };
    return await time(run, plan);
  } catch (e) {
    return { fail: e instanceof Error ? (e.message.split('\n')[0] ?? 'error') : String(e) };
  }
}

async function loadPeers(
  ws: Workspace,
): Promise<{ peers: Record<string, Peer | null>; loadMs: Record<string, number> }> {
  // Loaded only when the peers run, after the engine's timings: Perspective and Arquero stay out of the
  // heap the engine is timed in.
  const { ArqueroPeer, PerspectivePeer } = await import('./queries/peers');
  const peers: Record<string, Peer | null> = { perspective: null, arquero: null };
  const loadMs: Record<string, number> = {};
  for (const [name, load] of [
    ['perspective', () => PerspectivePeer.load(ws)],
    ['arquero', () => ArqueroPeer.load(ws)],
  ] as const) {
    log(`  loading ${name} …`);
    try {
      const r = await load();
      peers[name] = r.peer;
      loadMs[name] = r.loadMs;
    } catch (e) {
      log(`  ${name} failed to load: ${String(e)}`);
    }
  }
  return { peers, loadMs };
}

export async function runQueries(scale: number, plans: QueryPlans): Promise<QueryScaleResult> {
  const ws = await openBenchWorkspace(await benchWorkspace(scale));
  const loadAvg0 = os.loadavg()[0] as number;
  try {
    // The result cache is off for the main timings (every run executes the query); a second server with
    // it on measures the cached path.
    // Rankings are timed cold (every run computes their percentiles) unless the entry says `kept`.
    const server = new EngineServer(ws, { resultCache: false, rankCores: false });
    const keptServer = new EngineServer(ws, { resultCache: false });
    const cachedServer = new EngineServer(ws);
    // What an app's engine does at idle after opening, before the analyst's first click: the default
    // integrity flags, and the ranking kernel's arrays loaded and its code compiled (EngineServer.warmUp).
    for (const s of [server, keptServer, cachedServer]) await s.warmUp();
    const catalog = await CatalogCache.load(ws);
    const rows: QueryRow[] = [];
    const expected = new Map<string, Canon>();
    // The engine first, every spec, then the baselines: the plain-SQL runs (up to seconds each, whole
    // results encoded and compared) leave garbage that V8 would otherwise collect during the next spec's
    // engine runs. The engine still pays for its own garbage, as in its own process in the app.
    for (const e of SUITE) {
      log(`scale ${scale}: ${e.id}`);
      const engine = e.kept ? keptServer : server;
      const first = await engine.query(e.spec);
      expected.set(e.id, canonArrow(first.arrow, e.shape));
      // Timed without the canonicalisation: spec in → Arrow bytes out, as the renderer receives them.
      const engineT = await time(() => engine.query(e.spec), plans.engine);
      const engineCached: Measured = await time(() => cachedServer.query(e.spec), plans.engine);
      rows.push({
        id: e.id,
        source: e.source,
        shape: e.shape,
        resultRows: first.rowCount,
        table: valueTable(e.spec, catalog),
        engine: engineT,
        ...(e.kept ? { kept: true } : {}),
        engineCached,
        baseline: { na: 'not run' },
        perspective: { na: 'not run' },
        arquero: { na: 'not run' },
      });
    }
    for (const [i, e] of SUITE.entries()) {
      log(`scale ${scale}: ${e.id} as plain SQL`);
      const want = expected.get(e.id) as Canon;
      const baselineRun = async () => canonArrow((await queryArrow(ws.read, raw(e.baseline))).bytes, e.shape);
      const diff = diffCanon(
        want,
        await baselineRun().catch((x: unknown) => new Map([['error', String(x)]])),
      );
      (rows[i] as QueryRow).baseline = diff.length
        ? { fail: diff.join('; ') }
        : await time(() => queryArrow(ws.read, raw(e.baseline)), plans.slow);
    }
    const peerLoadMs: QueryScaleResult['peerLoadMs'] = {};
    if (plans.peers) {
      const { peers, loadMs } = await loadPeers(ws);
      Object.assign(peerLoadMs, loadMs);
      for (const [i, e] of SUITE.entries()) {
        const row = rows[i] as QueryRow;
        for (const name of ['perspective', 'arquero'] as const) {
          const peer = peers[name];
          if (!e.peer || 'na' in e.peer) row[name] = { na: e.peer && 'na' in e.peer ? e.peer.na : 'n/a' };
          else if (!peer) row[name] = { fail: `${name} did not load` };
          else {
            log(`scale ${scale}: ${e.id} on ${name}`);
            const q = e.peer;
            row[name] = await checked(expected.get(e.id) as Canon, () => peer.run(q), plans.slow);
          }
        }
      }
      if (peers.perspective) await (peers.perspective as PerspectivePeer).close();
    }
    return {
      scale,
      rows,
      peerLoadMs,
      engineCache:
        'engine: result cache off (every run executes the query; rankings compute their percentiles every run, except the "percentiles kept" rows); cached: the same server with its result cache on (every run after the first is a hit); table: where the values are read (— = no value part)',
      loadAvg: [loadAvg0, os.loadavg()[0] as number],
      plannedRuns: { engine: plans.engine.runs, slow: plans.slow.runs },
    };
  } finally {
    ws.close();
  }
}
