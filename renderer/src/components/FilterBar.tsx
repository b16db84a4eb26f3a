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
