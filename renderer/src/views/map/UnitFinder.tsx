import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldVi } from '../../../../shared/text';

/** Props of UnitFinder. */
export interface UnitFinderProps {
  /** Unit code → name, of the units drawn. */
  names: ReadonlyMap<string, string>;
  onFind: (code: string) => void;
}

/** Find a unit by name, diacritics-insensitive ("phuong 1" finds "Phường 1"); picking one centres it. */
export function UnitFinder({ names, onFind }: UnitFinderProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const folded = useMemo(
    () => [...names].map(([code, name]) => ({ code, name, key: foldVi(name) })),
    [names],
  );
  const matches = useMemo(() => {
    const f = foldVi(q).trim();
    if (!f) return [];
    return folded
      .filter((u) => u.key.includes(f) || u.code === f)
      .sort(
        (a, b) => Number(!a.key.startsWith(f)) - Number(!b.key.startsWith(f)) || a.key.localeCompare(b.key),
      )
      .slice(0, 8);
  }, [q, folded]);
  return (
    <div className="map-finder">
      <label className="map-controls__field">
        <span>{t('map.find')}</span>
        <input
          type="search"
          value={q}
          placeholder={t('map.findPlaceholder')}
          maxLength={100}
          data-testid="map-find"
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && matches[0]) {
              onFind(matches[0].code);
              setQ(matches[0].name);
            }
          }}
        />
      </label>
      {q.trim() && (
        <ul className="map-finder__list" role="listbox" aria-label={t('map.find')}>
          {matches.length === 0 && <li className="map-finder__none">{t('map.findNone')}</li>}
          {matches.map((m) => (
            <li key={m.code} role="option" aria-selected={false}>
              <button
                type="button"
                data-unit={m.code}
                onClick={() => {
                  onFind(m.code);
                  setQ('');
                }}
              >
                {m.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
