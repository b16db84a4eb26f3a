import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Filter } from '../../../../shared/specs';
import { coordinator } from '../../state/atlas-coordinator';
import { useAtlas } from '../../state/store';
import { stableJson } from '../../state/stable-json';
import { isSettled, useQuery } from '../../state/use-query';
import { useReadyWorkspace } from '../../state/workspace';
import { FieldsChart } from './FieldsChart';
import { FundsChart } from './FundsChart';
import { KpiTiles } from './KpiTiles';
import { fieldsSpec, fundsByMonthSpec, kpiSpec, statusSpec } from './overview-specs';
import { useRenderMarks } from './render-marks';
import './overview.css';

/** The Overview's specs for a filter, with the view key each runs under. */
function overviewSpecs(filter: Filter) {
  return {
    kpi: kpiSpec(filter),
    status: statusSpec(filter),
    fields: fieldsSpec(filter),
    funds: fundsByMonthSpec(filter),
  };
}

const VIEW_KEYS = {
  kpi: 'overview.kpi',
  status: 'overview.status',
  fields: 'overview.fields',
  funds: 'overview.funds',
} as const;

/** Overview: headline figures and two charts, all following the global filter. */
export function OverviewView() {
  const { catalog } = useReadyWorkspace();
  const filter = useAtlas((s) => s.filter);
  const specs = useMemo(() => overviewSpecs(filter), [filter]);
  // Send the new filter's queries the moment the filter changes, before React re-renders the page (a
  // chart click re-draws the clicked chart first: 10–20 ms in which the engine could already work). The
  // hooks below then join these requests (same view key and spec) instead of sending their own.
  useEffect(
    () =>
      useAtlas.subscribe((s, prev) => {
        if (s.filter === prev.filter) return;
        performance.mark('overview-filter');
        const next = overviewSpecs(s.filter);
        for (const k of Object.keys(next) as (keyof typeof next)[])
          coordinator()
            .run(next[k], VIEW_KEYS[k])
            .catch(() => undefined);
      }),
    [],
  );
  const kpi = useQuery(specs.kpi, VIEW_KEYS.kpi);
  const status = useQuery(specs.status, VIEW_KEYS.status);
  const fields = useQuery(specs.fields, VIEW_KEYS.fields);
  const funds = useQuery(specs.funds, VIEW_KEYS.funds);

  const [drawn, setDrawn] = useState<{ fields: string | null; funds: string | null }>({
    fields: null,
    funds: null,
  });
  const onFieldsDrawn = useCallback((key: string | null) => setDrawn((d) => ({ ...d, fields: key })), []);
  const onFundsDrawn = useCallback((key: string | null) => setDrawn((d) => ({ ...d, funds: key })), []);
  const ready =
    isSettled(kpi) &&
    isSettled(status) &&
    isSettled(fields) &&
    isSettled(funds) &&
    drawn.fields === fields.key &&
    drawn.funds === funds.key;
  useRenderMarks(stableJson(filter), ready);

  return (
    <div className="overview">
      <KpiTiles kpi={kpi} status={status} totalUnits={catalog.units.length} />
      <div className="overview__charts">
        <FieldsChart query={fields} onDrawn={onFieldsDrawn} />
        <FundsChart query={funds} onDrawn={onFundsDrawn} />
      </div>
    </div>
  );
}
