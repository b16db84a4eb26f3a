import { useCallback, useMemo, useState } from 'react';
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

/** Overview: headline figures and two charts, all following the global filter. */
export function OverviewView() {
  const { catalog } = useReadyWorkspace();
  const filter = useAtlas((s) => s.filter);
  const specs = useMemo(
    () => ({
      kpi: kpiSpec(filter),
      status: statusSpec(filter),
      fields: fieldsSpec(filter),
      funds: fundsByMonthSpec(filter),
    }),
    [filter],
  );
  const kpi = useQuery(specs.kpi, 'overview.kpi');
  const status = useQuery(specs.status, 'overview.status');
  const fields = useQuery(specs.fields, 'overview.fields');
  const funds = useQuery(specs.funds, 'overview.funds');

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
