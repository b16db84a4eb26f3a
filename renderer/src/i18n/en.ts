/** English UI strings: the same keys as vi.ts (the type checker enforces it). */
import { importEn } from './import-en';
import { geoEn } from './geo-en';
import { pivotEn } from './pivot-en';
import { trendsEn } from './trends-en';
import { mapEn } from './map-en';
import { exportEn } from './export-en';
import { rankingEn } from './ranking-en';
import { shortlistEn } from './shortlist-en';
import type { Messages } from './vi';

export const en: Messages = {
  app: {
    title: 'DVK Atlas',
    subtitle: 'Analytics for “Dân vận khéo” (skilful mass mobilisation) models',
    sampleBadge: 'Sample data',
    sampleBadgeTitle: 'This workspace holds the illustrative sample dataset — not real figures.',
    language: 'Language',
    skipToContent: 'Skip to main content',
    connecting: 'Connecting to the data engine…',
    summary: '{{models}} models · {{units}} communes · data {{from}}–{{to}}',
    emptyTitle: 'No data yet',
    emptyBody: 'This workspace holds no models. Import a data file (Excel, CSV) to begin.',
  },
  nav: {
    label: 'Analysis pages',
    overview: 'Overview',
    pivot: 'Pivot',
    map: 'Map',
    trends: 'Trends',
    models: 'Models',
    ranking: 'Ranking',
    shortlist: 'Shortlist',
    import: 'Import data',
  },
  filters: {
    label: 'Global filters',
    province: 'Province/City',
    unit: 'Commune/Ward',
    field: 'Field',
    sponsor: 'Lead organisation',
    status: 'Status',
    startYear: 'Start year',
    indicator: 'Reported indicator',
    removeChip: 'Remove filter {{label}}',
    all: 'All',
    nSelected: '{{count}} selected',
    from: 'From month',
    to: 'To month',
    anyMonth: 'Any',
    search: 'Search',
    searchPlaceholder: 'Search name, code, commune… (diacritics optional)',
    clear: 'Clear filters',
    findOption: 'Find in list',
    clearSelection: 'Clear selection',
    noOptions: 'No matching options',
    close: 'Close',
  },
  state: {
    loading: 'Loading…',
    empty: 'No data for these filters',
    emptyHint: 'Widen the filters or press “Clear filters”.',
    retry: 'Try again',
  },
  errors: {
    code: 'Error code: {{code}}',
    WORKSPACE_LOCKED: {
      title: 'The workspace is locked by another program.',
      action:
        'Close the other DVK Atlas window (or dvk command) using the same data file, then press “Try again”.',
    },
    QUERY_FAILED: {
      title: 'The data engine could not run this query.',
      action: 'Press “Try again”. If it still fails, narrow the filters or restart the application.',
    },
    SPEC_INVALID: {
      title: 'The request sent to the data engine was not valid.',
      action:
        'Press “Clear filters” and try again. If it happens again, report it to technical support with the error code.',
    },
    DISCONNECTED: {
      title: 'Lost the connection to the data engine.',
      action: 'Restart the application. Imported data is kept.',
    },
    WORKSPACE_OPEN_FAILED: {
      title: 'The workspace could not be opened.',
      action: 'Restart the application. If it still fails, open the most recent backup.',
    },
    WORKSPACE_NEWER: {
      title: 'The workspace was created by a newer version of DVK Atlas.',
      action: 'Update DVK Atlas to the latest version.',
    },
    CANCELLED: {
      title: 'The request was cancelled.',
      action: 'Press “Try again” to run it again.',
    },
    UNKNOWN: {
      title: 'Something unexpected went wrong.',
      action: 'Press “Try again”. If it still fails, restart the application.',
    },
  },
  units: {
    models: 'models',
    unitsCovered: 'communes',
  },
  overview: {
    title: 'Overview',
    kpiLabel: 'Key figures',
    kpi: {
      models: 'Models',
      active: 'In progress',
      units: 'Communes with models',
      funds: 'Funds mobilised',
      beneficiaries: 'Beneficiaries',
      households: 'Poor and near-poor households supported',
      unitsOf: 'of {{total}} communes',
      activeShare: '{{pct}} of all models',
    },
    byField: 'Models by field',
    byFieldHint: 'Click a bar to filter by that field.',
    byFieldAria: 'Horizontal bar chart: number of models by field, largest first.',
    fundsByMonth: 'Funds mobilised by month',
    fundsByMonthHint: 'Total funds reported by the models in each month.',
    fundsByMonthAria: 'Column chart: total funds mobilised by month.',
  },
  models: {
    title: 'Models',
    count_one: '{{n}} model',
    count_other: '{{n}} models',
    tableLabel: 'Model list',
    sortHint: 'Click a column header to sort.',
    rowLoading: 'Loading this row…',
    columns: {
      model_id: 'ID',
      name: 'Model name',
      unit_code: 'Unit code',
      unit_name: 'Commune/Ward',
      province: 'Province',
      field: 'Field',
      sponsor: 'Lead organisation',
      start_date: 'Start date',
      status: 'Status',
      recognition: 'Recognition',
      lat: 'Latitude',
      lon: 'Longitude',
      replicated_from: 'Replicated from',
    },
    detail: {
      title: 'Model details',
      close: 'Close details',
      attributes: 'General information',
      indicators: 'Reported indicators',
      latest: 'Latest ({{period}})',
      noValues: 'This model has not reported any indicator yet.',
      notFound: 'This model was not found in the workspace.',
      coordinates: 'Coordinates',
      months: '{{from}}–{{to}}',
      gaps_one: '{{count}} month missing',
      gaps_other: '{{count}} months missing',
      noGaps: 'No missing months',
      sparklineAria: '{{name}}: from {{from}} to {{to}}, {{gaps}}.',
    },
  },
  import: importEn,
  geo: geoEn,
  pivot: pivotEn,
  trends: trendsEn,
  map: mapEn,
  export: exportEn,
  ranking: rankingEn,
  shortlist: shortlistEn,
};
