import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Props of SearchBox. */
export interface SearchBoxProps {
  value: string;
  onSearch: (text: string) => void;
  /** Debounce in ms before `onSearch` fires while typing. */
  delay?: number;
}

/**
 * The global text search. Typing is debounced (~200 ms) so each keystroke does not cost a query; the
 * engine folds diacritics, so "cau" and "cầu" find the same models. Enter searches at once.
 */
export function SearchBox({ value, onSearch, delay = 200 }: SearchBoxProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value);
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef(onSearch);
  useEffect(() => {
    latest.current = onSearch;
  });

  // Follow outside changes (clear filters, Back, a pasted link), but not the store's trimmed echo of what
  // is being typed: that would eat the space before the next word.
  useEffect(() => {
    setText((cur) => (cur.trim() === value ? cur : value));
  }, [value]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const schedule = (next: string) => {
    setText(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => latest.current(next), delay);
  };

  return (
    <div className="filter-field filter-field--search">
      <label htmlFor={id} className="visually-hidden">
        {t('filters.search')}
      </label>
      <input
        id={id}
        type="search"
        value={text}
        placeholder={t('filters.searchPlaceholder')}
        autoComplete="off"
        spellCheck={false}
        data-testid="global-search"
        onChange={(e) => schedule(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            window.clearTimeout(timer.current);
            latest.current(text);
          }
        }}
      />
    </div>
  );
}
