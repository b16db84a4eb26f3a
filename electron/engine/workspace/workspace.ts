/**
 * A workspace: one DuckDB file (or an in-memory database for tests) opened with the engine's safety
 * settings, migrated to the current schema, with a write connection (imports, user state) and a read
 * connection (queries, interruptible on its own).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { AtlasError } from '../../../shared/errors';
import { INDICATORS } from '../../../shared/catalog';
import type { Sql } from '../db/sql';
import { MIGRATIONS, SCHEMA_VERSION } from './schema';
import { derivedStale, rebuildDerived } from './derived';
import { copyBackup, listBackups, quarantineWal } from './backup';

export interface OpenOptions {
  /** Path of the `.duckdb` file, or ':memory:'. */
  path: string;
  /** Folder for temp spill files, staged copies of imported files and backups (created if missing). */
  dataDir: string;
  /** DuckDB memory limit, e.g. '2GB'. */
  memoryLimit?: string;
  threads?: number;
}

/** Files open in this process: DuckDB does not stop a second instance on one file in one process. */
const openFiles = new Set<string>();

const TRACE = process.env.DVK_TRACE === '1';

function createInstance(file: string): Promise<DuckDBInstance> {
  return DuckDBInstance.create(file, {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    allow_community_extensions: 'false',
  });
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Convert DuckDB row values to plain JS: bigint → number, DATE → ISO string. */
function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v && typeof v === 'object' && 'days' in v && typeof (v as { days: unknown }).days === 'number') {
    return new Date((v as { days: number }).days * 86_400_000).toISOString().slice(0, 10);
  }
  if (v && typeof v === 'object' && 'micros' in v) {
    const micros = (v as { micros: bigint }).micros;
    return new Date(Number(micros / 1000n)).toISOString();
  }
  return v;
}

/** Proof of holding the write connection (`Workspace.exclusive`): pass it to `transaction` inside. */
export interface WriteHold {
  readonly workspace: string;
}

export class Workspace {
  private closed = false;
  /** Set when the open had to move a damaged WAL aside (the UI tells the user). */
  quarantinedWal: string | null = null;
  private version = 0;

  private constructor(
    readonly path: string,
    readonly dataDir: string,
    readonly stagingDir: string,
    private readonly instance: DuckDBInstance,
    /** Imports and user-state edits. */
    readonly write: DuckDBConnection,
    /** Queries; `interrupt()` on it cancels only the running query. */
    readonly read: DuckDBConnection,
  ) {}

  /** Open (creating if needed) and migrate a workspace. Throws WORKSPACE_LOCKED, WORKSPACE_NEWER, WORKSPACE_OPEN_FAILED. */
  static async open(opts: OpenOptions): Promise<Workspace> {
    const file = opts.path === ':memory:' ? ':memory:' : path.resolve(opts.path);
    if (file !== ':memory:' && openFiles.has(file)) {
      throw new AtlasError('WORKSPACE_LOCKED', `The workspace is already open in this app: ${file}`, {
        file,
      });
    }
    const dataDir = path.resolve(opts.dataDir);
    const stagingDir = path.join(dataDir, 'staging');
    const tempDir = path.join(dataDir, 'tmp');
    for (const d of [dataDir, stagingDir, tempDir, path.join(dataDir, 'extensions')])
      fs.mkdirSync(d, { recursive: true });
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });

    let instance: DuckDBInstance;
    let recovered: string | null = null;
    try {
      instance = await createInstance(file);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (/lock/i.test(msg)) {
        throw new AtlasError('WORKSPACE_LOCKED', `The workspace is open in another program: ${file}`, {
          file,
        });
      }
      // A damaged WAL must not make the whole workspace unreadable: move it aside and retry once.
      recovered = file === ':memory:' ? null : quarantineWal(file);
      try {
        if (!recovered) throw e;
        instance = await createInstance(file);
      } catch (e2) {
        const backup = listBackups(file, dataDir)[0];
        throw new AtlasError(
          'WORKSPACE_OPEN_FAILED',
          `Cannot open the workspace ${file}: ${(e2 as Error).message ?? msg}`,
          {
            file,
            ...(backup ? { backup } : {}),
            ...(recovered ? { quarantinedWal: recovered } : {}),
          },
        );
      }
    }
    const write = await instance.connect();
    try {
      // Engine-chosen paths only (never user text); DuckDB may touch nothing else from here on.
      const dirs = [stagingDir, tempDir].map((d) => sqlString(d + path.sep)).join(', ');
      const settings = [
        `SET temp_directory = ${sqlString(tempDir)}`,
        `SET extension_directory = ${sqlString(path.join(dataDir, 'extensions'))}`,
        `SET memory_limit = ${sqlString(opts.memoryLimit ?? '2GB')}`,
        `SET threads = ${Math.max(1, Math.floor(opts.threads ?? 2))}`,
        `SET allowed_directories = [${dirs}]`,
        `SET enable_external_access = false`,
        `SET lock_configuration = true`,
      ];
      for (const s of settings) await write.run(s);
      const read = await instance.connect();
      const ws = new Workspace(file, dataDir, stagingDir, instance, write, read);
      ws.quarantinedWal = recovered;
      await ws.migrate();
      if (await derivedStale(ws)) await ws.transaction(() => rebuildDerived(ws));
      if (file !== ':memory:') openFiles.add(file);
      return ws;
    } catch (e) {
      write.closeSync();
      instance.closeSync();
      throw e;
    }
  }

  private async migrate(): Promise<void> {
    const hasMeta = await this.rows<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'meta' AND table_schema = 'main'`,
    );
    let current = 0;
    if ((hasMeta[0]?.n ?? 0) > 0) {
      const v = await this.rows<{ value: string }>(`SELECT value FROM meta WHERE key = 'schema_version'`);
      current = Number(v[0]?.value ?? 0);
    }
    if (current > SCHEMA_VERSION) {
      throw new AtlasError(
        'WORKSPACE_NEWER',
        `This workspace was written by a newer DVK Atlas (schema ${current} > ${SCHEMA_VERSION}). Update the app to open it.`,
        { file: this.path },
      );
    }
    if (current === SCHEMA_VERSION) {
      await this.loadVersion();
      return;
    }
    await this.write.run('BEGIN TRANSACTION');
    try {
      for (let v = current; v < SCHEMA_VERSION; v++)
        for (const stmt of MIGRATIONS[v] ?? []) await this.write.run(stmt);
      await this.write.run(
        `INSERT OR REPLACE INTO meta VALUES ('schema_version', $1), ('data_version', coalesce((SELECT value FROM meta WHERE key = 'data_version'), '0'))`,
        [String(SCHEMA_VERSION)],
      );
      await this.seedCatalogue();
      await this.write.run('COMMIT');
    } catch (e) {
      await this.write.run('ROLLBACK');
      throw e;
    }
    if (this.path !== ':memory:') await this.exec('CHECKPOINT');
    await this.loadVersion();
  }

  private async seedCatalogue(): Promise<void> {
    for (const d of INDICATORS) {
      await this.write.run(
        `INSERT INTO indicators SELECT $1, $2, $3, $4, $5, $6, $7, true WHERE NOT EXISTS (SELECT 1 FROM indicators WHERE code = $1)`,
        [d.code, d.name_vi, d.name_en, d.unit, d.aggregation, d.weight_by ?? null, d.higher_is_better],
      );
    }
  }

  private async loadVersion(): Promise<void> {
    const v = await this.rows<{ value: string }>(`SELECT value FROM meta WHERE key = 'data_version'`);
    this.version = Number(v[0]?.value ?? 0);
  }

  /** Increases whenever imported data changes; caches key on it. */
  get dataVersion(): number {
    return this.version;
  }

  /** Bump the data version inside the caller's write transaction. */
  async bumpDataVersion(): Promise<void> {
    await this.write.run(
      `UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS VARCHAR) WHERE key = 'data_version'`,
    );
  }

  /** Run engine-written SQL text (no parameters) or a built fragment on a connection; return plain row objects. */
  async rows<T = Record<string, unknown>>(q: string | Sql, conn: DuckDBConnection = this.read): Promise<T[]> {
    const { text, params } = typeof q === 'string' ? { text: q, params: [] } : q.build();
    const reader = await conn.runAndReadAll(text, params);
    const out = reader.getRowObjects();
    return out.map((r) => {
      const o: Record<string, unknown> = {};
      for (const k of Object.keys(r)) o[k] = plain(r[k]);
      return o as T;
    });
  }

  /** Run a statement on the write connection (DVK_TRACE=1 logs each statement's time to stderr). */
  async exec(q: string | Sql): Promise<void> {
    const { text, params } = typeof q === 'string' ? { text: q, params: [] } : q.build();
    if (!TRACE) {
      await this.write.run(text, params);
      return;
    }
    // CPU time (all of DuckDB's threads are in this process) is the figure that survives a busy machine.
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await this.write.run(text, params);
    const cpu = process.cpuUsage(c0);
    process.stderr.write(
      `[sql ${(performance.now() - t0).toFixed(0)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms] ${text.replace(/\s+/g, ' ').slice(0, 140)}\n`,
    );
  }

  /**
   * Run `fn` in one write transaction: all of it lands or none of it does. On success the WAL is
   * checkpointed (file workspaces) so a crash afterwards has nothing to replay.
   */
  async transaction<T>(fn: () => Promise<T>, held?: WriteHold): Promise<T> {
    // One at a time: the write connection holds one transaction, and the UI sends each edit as it is made
    // (a note and a status a moment apart): the second BEGIN would fail inside the first transaction.
    if (held) {
      if (held !== this.holder) throw new AtlasError('INTERNAL', 'The write connection is not held');
      return this.transactionNow(fn);
    }
    return this.exclusive(() => this.transactionNow(fn));
  }

  /**
   * Run `fn` with the write connection to itself: transactions and other exclusive work sent meanwhile wait
   * until it ends. An import holds it from staging its files to its commit: staged outside its transaction,
   * the staging would otherwise run inside an edit's transaction sent at that moment, and vanish with it when
   * that edit failed and rolled back (the import then failed with an unrelated error). `fn` gets the hold
   * to run its own transaction with (`transaction(fn, held)`); it is explicit rather than inferred from the
   * async context, which work started from inside `fn` (a progress callback's request) would inherit.
   */
  async exclusive<T>(fn: (held: WriteHold) => Promise<T>): Promise<T> {
    const run = this.writes.then(async () => {
      const held: WriteHold = { workspace: this.path };
      this.holder = held;
      try {
        return await fn(held);
      } finally {
        this.holder = null;
      }
    });
    this.writes = run.catch(() => undefined);
    return run;
  }

  /** Exclusive work waits here for the work before it to end (`exclusive`). */
  private writes: Promise<unknown> = Promise.resolve();

  /** The hold of the exclusive work running now. */
  private holder: WriteHold | null = null;

  private async transactionNow<T>(fn: () => Promise<T>): Promise<T> {
    await this.write.run('BEGIN TRANSACTION');
    let result: T;
    try {
      result = await fn();
      await this.exec('COMMIT');
    } catch (e) {
      try {
        await this.write.run('ROLLBACK');
      } catch {
        // The transaction may already be aborted by DuckDB; the original error is what matters.
      }
      throw e;
    }
    if (this.path !== ':memory:') await this.exec('CHECKPOINT');
    await this.loadVersion();
    return result;
  }

  /**
   * Checkpoint and copy the workspace file to the backup folder (file workspaces only); called before
   * imports so a bad import or a crash can always be undone. Returns the copy's path.
   */
  async backup(): Promise<string | null> {
    if (this.path === ':memory:' || !fs.existsSync(this.path)) return null;
    await this.write.run('CHECKPOINT');
    return copyBackup(this.path, this.dataDir);
  }

  private bg: Promise<DuckDBConnection> | null = null;
  private bgConn: DuckDBConnection | null = null;

  /**
   * A third connection, opened on first use, for long background reads (the integrity flags: seconds at
   * scale 10) so they never queue in front of the view queries on `read`.
   */
  background(): Promise<DuckDBConnection> {
    if (this.closed) return Promise.reject(new AtlasError('INTERNAL', 'The workspace is closed'));
    this.bg ??= this.instance.connect().then((c) => {
      this.bgConn = c;
      return c;
    });
    return this.bg;
  }

  /** Work running on the background connection (`onBackground`). */
  private readonly bgWork = new Set<Promise<unknown>>();

  /** Background work runs one at a time: a DuckDB connection runs one query at a time. */
  private bgQueue: Promise<unknown> = Promise.resolve();
  /** Set by `closeAsync`: background work queued after it does not start. */
  private closing = false;

  /**
   * Run `fn` on the background connection, after the background work queued before it (the flags of a
   * ranking's own options may be asked while the warm-up computes the default ones). `closeAsync`
   * interrupts it and waits for it: closing a connection while a query runs on it never returns (the
   * process hangs on exit).
   */
  onBackground<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    const work = this.bgQueue.then(() => {
      if (this.closing) throw new AtlasError('INTERNAL', 'The workspace is closing');
      return this.background().then(fn);
    });
    this.bgQueue = work.catch(() => undefined);
    const tracked = work.then(
      () => undefined,
      () => undefined,
    );
    this.bgWork.add(tracked);
    void tracked.then(() => this.bgWork.delete(tracked));
    return work;
  }

  /** Interrupt the query running on the background connection, if any (the idle warm-up yields this way). */
  interruptBackground(): void {
    this.bgConn?.interrupt();
  }

  /** `close`, after interrupting the background work and waiting (at most `waitMs`) for it to stop. */
  async closeAsync(waitMs = 10_000): Promise<void> {
    if (this.closed) return;
    this.closing = true;
    if (this.bgWork.size) {
      this.bgConn?.interrupt();
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        Promise.all([...this.bgWork]),
        new Promise((resolve) => (timer = setTimeout(resolve, waitMs))),
      ]);
      clearTimeout(timer);
    }
    this.close();
  }

  /** Close connections and the instance, releasing the file lock. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.bgConn?.closeSync();
    this.read.closeSync();
    this.write.closeSync();
    this.instance.closeSync();
    openFiles.delete(this.path);
  }
}
