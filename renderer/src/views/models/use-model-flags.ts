/**
 * Every model's integrity flags, fetched once per data version (one `flags.list` call for the whole
 * workspace, not one per row) and shared by every mount of the Models table: scrolling the virtualised
 * list only looks models up in a map. A failure leaves the table without badges (flags are a hint on
 * this page, the Ranking page is where they are acted on) rather than breaking the list.
 */
import { useEffect, useState } from 'react';
import type { ModelFlag } from '../../../../shared/rank-spec';
import { getApi } from '../../api';

/** Flags per model id, in the engine's order (by code). */
export type FlagsByModel = ReadonlyMap<string, readonly ModelFlag[]>;

let cached: { version: string; flags: Promise<FlagsByModel> } | null = null;

/** Group the engine's list by model. */
export function groupFlags(list: readonly ModelFlag[]): FlagsByModel {
  const by = new Map<string, ModelFlag[]>();
  for (const f of list) {
    const cur = by.get(f.modelId);
    if (cur) cur.push(f);
    else by.set(f.modelId, [f]);
  }
  return by;
}

function load(version: string): Promise<FlagsByModel> {
  if (cached?.version !== version) {
    const flags = getApi()
      .then((api) => api.call('flags.list', {}))
      .then(groupFlags);
    cached = { version, flags };
    // A failed load is not kept: the next mount (or data version) asks again.
    flags.catch(() => {
      if (cached?.flags === flags) cached = null;
    });
  }
  return cached.flags;
}

/** The flags of the current data version; null while loading (or when they could not be loaded). */
export function useModelFlags(dataVersion: string | number): FlagsByModel | null {
  const version = String(dataVersion);
  const [state, setState] = useState<{ version: string; flags: FlagsByModel } | null>(null);
  useEffect(() => {
    let live = true;
    load(version).then(
      (flags) => live && setState({ version, flags }),
      () => live && setState(null),
    );
    return () => {
      live = false;
    };
  }, [version]);
  return state?.version === version ? state.flags : null;
}
