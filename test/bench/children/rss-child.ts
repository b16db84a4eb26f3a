/**
 * Child process of the RSS benchmark: opens a workspace, runs the Overview's specs once (no filter), then
 * the app's idle warm-up (integrity flags, ranking kernel arrays), and prints one JSON line with this
 * process's resident memory after each. Run by rss.ts, never by hand.
 */
import { EngineServer } from '../../../electron/engine/server';
import { Workspace } from '../../../electron/engine/workspace/workspace';
import {
  fieldsSpec,
  fundsByMonthSpec,
  kpiSpec,
  statusSpec,
} from '../../../renderer/src/views/overview/overview-specs';

const [file, dataDir] = process.argv.slice(2);
if (!file || !dataDir) throw new Error('usage: rss-child <workspace> <dataDir>');
const mb = (n: number) => n / 1024 / 1024;
const baseRss = mb(process.memoryUsage().rss);
const ws = await Workspace.open({ path: file, dataDir });
const openRss = mb(process.memoryUsage().rss);
const server = new EngineServer(ws);
for (const spec of [kpiSpec({}), statusSpec({}), fieldsSpec({}), fundsByMonthSpec({})])
  await server.query(spec);
const rss = mb(process.memoryUsage().rss);
await server.warmUp();
const warmRss = mb(process.memoryUsage().rss);
await ws.closeAsync();
process.stdout.write(
  JSON.stringify({ baseRss, openRss, rss, warmRss, maxRss: process.resourceUsage().maxRSS / 1024 }) + '\n',
);
