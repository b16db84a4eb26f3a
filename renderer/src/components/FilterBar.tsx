import { vocabLabel } from '../i18n/vocab';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n';
import { activeFilterCount } from '../state/filter-model';
import { useAtlas } from '../state/store';
import { useReadyWorkspace } from '../state/workspace';
import { filterOptions } from './filter-options';
import { MultiSelect } from './MultiSelect';
import { PeriodRange } from './PeriodRange';
import './filter-bar.css';

/** The global filter bar (the search box sits in the header): every view follows it, the URL mirrors it. */
export function FilterBar() {
  const { t } = useTranslation();
  const lang = useLang();
  const { info, catalog } = useReadyWorkspace();
  const filter = useAtlas((s) => s.filter);
  const setList = useAtlas((s) => s.setList);
  const setPeriod = useAtlas((s) => s.setPeriod);
  const clearFilters = useAtlas((s) => s.clearFilters);
  const opts = useMemo(
    () => filterOptions(catalog, lang, filter.provinces),
    [catalog, lang, filter.provinces],
  );
  const active = activeFilterCount(filter);
  // Unit types, recognitions, start years and indicators have no picker: a pivot drill-through sets
  // them. Each value shows as a chip that removes it, so the narrowed model list never hides why.
  const indicatorName = (code: string) => {
    const ind = catalog.indicators.find((i) => i.code === code);
    return (lang === 'en' ? ind?.name_en : ind?.name_vi) ?? ind?.name_vi ?? code;
  };
  const chips = [
    ...(filter.unitTypes ?? []).map((v) => ({
      key: 'unitTypes' as const,
      value: v,
      label: `${t('pivot.dim.unit_type')}: ${v}`,
    })),
    ...(filter.recognitions ?? []).map((v) => ({
      key: 'recognitions' as const,
      value: v,
      label: `${t('pivot.dim.recognition')}: ${vocabLabel('recognition', v, lang)}`,
    })),
    ...(filter.startYears ?? []).map((v) => ({
      key: 'startYears' as const,
      value: v,
      label: `${t('filters.startYear')}: ${v}`,
    })),
    ...(filter.indicators ?? []).map((v) => ({
      key: 'indicators' as const,
      value: v,
      label: `${t('filters.indicator')}: ${indicatorName(v)}`,
    })),
  ];

  return (
    <section className="filter-bar" aria-label={t('filters.label')}>
      <div className="filter-bar__selects">
        <MultiSelect
          name="province"
          label={t('filters.province')}
          options={opts.provinces}
          selected={filter.provinces ?? []}
          onChange={(v) => setList('provinces', v)}
        />
        <MultiSelect
          name="unit"
          label={t('filters.unit')}
          options={opts.units}
          selected={filter.units ?? []}
          onChange={(v) => setList('units', v)}
        />
        <MultiSelect
          name="field"
          label={t('filters.field')}
          options={opts.fields}
          selected={filter.fields ?? []}
          onChange={(v) => setList('fields', v)}
        />
        <MultiSelect
          name="sponsor"
          label={t('filters.sponsor')}
          options={opts.sponsors}
          selected={filter.sponsors ?? []}
          onChange={(v) => setList('sponsors', v)}
        />
        <MultiSelect
          name="status"
          label={t('filters.status')}
          options={opts.statuses}
          selected={filter.statuses ?? []}
          onChange={(v) => setList('statuses', v)}
        />
        <PeriodRange
          min={info.periodRange.from}
          max={info.periodRange.to}
          from={filter.period?.from}
          to={filter.period?.to}
          lang={lang}
          onChange={setPeriod}
        />
        {chips.map((c) => (
          <span key={`${c.key}:${c.value}`} className="filter-bar__chip" data-filter={c.key}>
            {c.label}
            <button
              type="button"
              className="filter-bar__chip-remove"
              aria-label={t('filters.removeChip', { label: c.label })}
              onClick={() =>
                setList(
                  c.key,
                  (filter[c.key] ?? []).filter((x) => x !== c.value),
                )
              }
            >
              ×
            </button>
          </span>
        ))}
      </div>
      <div className="filter-bar__actions">
        <button type="button" className="button" disabled={active === 0} onClick={clearFilters}>
          {t('filters.clear')}
          {active > 0 && <span className="filter-bar__count">{active}</span>}
        </button>
      </div>
    </section>
  );
}
