/**
 * After an import the data version changes: reload the workspace facts (counts, period range, import
 * history, catalogue) without the app's full-screen loading state, and tell the query coordinator the
 * new version so every cached result of the old data is dropped and each view queries again.
 */
import type { WorkspaceInfo } from '../../../../shared/api';
import { getApi } from '../../api';
import { coordinator } from '../../state/atlas-coordinator';
import { useWorkspace } from '../../state/workspace';

/** Reload workspace info and catalogue in place; resolves with the new info. */
export async function refreshWorkspace(): Promise<WorkspaceInfo> {
  const api = await getApi();
  const [info, catalog] = await Promise.all([api.call('workspace.info', {}), api.call('catalog.get', {})]);
  const coord = coordinator();
  coord.noteDataVersion(info.dataVersion);
  coord.invalidate();
  useWorkspace.setState({ state: { status: 'ready', info, catalog } });
  return info;
}

/** The workspace's data version now (one small call). */
export async function currentDataVersion(): Promise<number> {
  const api = await getApi();
  return (await api.call('workspace.info', {})).dataVersion;
}
