import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldVi } from '../../../shared/text';
import './multi-select.css';

/** One choice of a MultiSelect. */
export interface Option {
  value: string;
  label: string;
}

/** Props of MultiSelect. */
export interface MultiSelectProps {
  label: string;
  options: readonly Option[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
  /** Stable test/automation hook, e.g. 'field'. */
  name: string;
}

/** Lists longer than this get a find box (units: ~170 entries). */
const FIND_THRESHOLD = 8;

/**
 * A labelled button that opens a checklist. Nothing selected means "all". Escape or a click outside
 * closes it; focus returns to the button. The find box ignores diacritics ("cu chi" finds "Củ Chi").
 */
export function MultiSelect({ label, options, selected, onChange, name }: MultiSelectProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [find, setFind] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const popId = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const shown = useMemo(() => {
    const q = foldVi(find);
    return q ? options.filter((o) => foldVi(o.label).includes(q)) : options;
  }, [options, find]);

  const chosen = new Set(selected);
  const summary =
    selected.length === 0
      ? t('filters.all')
      : selected.length === 1
        ? (options.find((o) => o.value === selected[0])?.label ?? selected[0])
        : t('filters.nSelected', { count: selected.length });

  const toggle = (value: string) =>
    onChange(chosen.has(value) ? selected.filter((v) => v !== value) : [...selected, value]);

  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };

  return (
    <div
      className="multi-select"
      ref={root}
      data-filter={name}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={trigger}
        type="button"
        className={`multi-select__trigger${selected.length ? ' multi-select__trigger--active' : ''}`}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? popId : undefined}
        title={`${label}: ${summary}`}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="multi-select__label">{label}</span>
        <span className="multi-select__value">{summary}</span>
        <span className="multi-select__chevron" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div className="multi-select__pop" id={popId} role="dialog" aria-label={label}>
          {options.length > FIND_THRESHOLD && (
            <input
              className="multi-select__find"
              type="search"
              value={find}
              placeholder={t('filters.findOption')}
              aria-label={t('filters.findOption')}
              onChange={(e) => setFind(e.target.value)}
              autoFocus
            />
          )}
          <fieldset className="multi-select__list">
            <legend className="visually-hidden">{label}</legend>
            {shown.length === 0 && <p className="multi-select__none">{t('filters.noOptions')}</p>}
            {shown.map((o) => (
              <label key={o.value} className="multi-select__option">
                <input type="checkbox" checked={chosen.has(o.value)} onChange={() => toggle(o.value)} />
                <span>{o.label}</span>
              </label>
            ))}
          </fieldset>
          <div className="multi-select__actions">
            <button
              type="button"
              className="button button--ghost"
              disabled={!selected.length}
              onClick={() => onChange([])}
            >
              {t('filters.clearSelection')}
            </button>
            <button type="button" className="button" onClick={close}>
              {t('filters.close')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
