import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortlist } from './shortlist-store';
import './shortlist-toggle.css';

/** Props of ShortlistToggle. */
export interface ShortlistToggleProps {
  modelId: string;
  name: string;
  /** A small star-only button (table rows) instead of a labelled one. */
  compact?: boolean;
}

/** Add a model to the replication shortlist, or take it off; usable from any view. */
export function ShortlistToggle({ modelId, name, compact }: ShortlistToggleProps) {
  const { t } = useTranslation();
  const entries = useShortlist((s) => s.entries);
  const load = useShortlist((s) => s.load);
  const set = useShortlist((s) => s.set);
  const remove = useShortlist((s) => s.remove);
  useEffect(() => {
    if (entries === null) void load();
  }, [entries, load]);
  const on = entries?.some((e) => e.modelId === modelId) ?? false;
  const label = `${t(on ? 'ranking.shortlist.remove' : 'ranking.shortlist.add')}: ${name}`;
  return (
    <button
      type="button"
      className={`shortlist-toggle${on ? ' shortlist-toggle--on' : ''}${compact ? ' shortlist-toggle--compact' : ''}`}
      aria-pressed={on}
      aria-label={label}
      title={label}
      data-shortlist-toggle={modelId}
      onClick={(e) => {
        e.stopPropagation();
        void (on ? remove(modelId) : set({ modelId }));
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <span aria-hidden="true">{on ? '★' : '☆'}</span>
      {!compact && <span>{t(on ? 'ranking.shortlist.added' : 'ranking.shortlist.add')}</span>}
    </button>
  );
}
