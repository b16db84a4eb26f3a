/**
 * Engine memory: a child process opens the workspace of a scale, runs the Overview's specs once and the app's
 * idle warm-up, and reports its RSS after each.
 */
import path from 'node:path';
import { runChild } from './lib/child';
import { benchWorkspace } from './lib/data';
import { log } from './lib/log';

export interface RssResult {
  scale: number;
  /** Node + tsx before the workspace is opened. */
  baseRss: number;
  openRss: number;
  /** After the Overview specs: "after loading", the figure the target is about. */
  rss: number;
  /** After the app's idle warm-up too (integrity flags, ranking kernel): reported beside it. */
  warmRss?: number;
  maxRss: number;
}

export async function runRss(scale: number): Promise<RssResult> {
  const ws = await benchWorkspace(scale);
  log(`scale ${scale}: engine RSS …`);
  const r = await runChild<Omit<RssResult, 'scale'>>(
    path.join(import.meta.dirname, 'children/rss-child.ts'),
    [ws.file, ws.dataDir],
  );
  return { scale, ...r };
}
