import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiError } from '../errors/ui-error';
import { ErrorState } from './ErrorState';
import './states.css';

/** Props of DataState. */
export interface DataStateProps {
  /** True while the current result is on its way. */
  loading: boolean;
  error: UiError | null;
  /** True when there is data to draw (possibly stale while loading). */
  hasData: boolean;
  /** True when the current result holds nothing to show. */
  empty: boolean;
  onRetry?: () => void;
  compact?: boolean;
  children: ReactNode;
}

/**
 * The common loading / empty / error wrapper of every tile, chart and table: an error wins, then a first
 * load shows a placeholder, an empty result says so, otherwise the content (dimmed while a newer result
 * loads, so the layout does not jump on every filter change).
 */
export function DataState({ loading, error, hasData, empty, onRetry, compact, children }: DataStateProps) {
  const { t } = useTranslation();
  if (error)
    return <ErrorState error={error} {...(onRetry ? { onRetry } : {})} {...(compact ? { compact } : {})} />;
  if (!hasData && loading) {
    return (
      <div
        className={`state state--loading${compact ? ' state--compact' : ''}`}
        role="status"
        aria-live="polite"
      >
        <span className="spinner" aria-hidden="true" />
        <span>{t('state.loading')}</span>
      </div>
    );
  }
  if (empty && !loading) {
    return (
      <div className={`state state--empty${compact ? ' state--compact' : ''}`} role="status">
        <p className="state__title">{t('state.empty')}</p>
        {!compact && <p className="state__text">{t('state.emptyHint')}</p>}
      </div>
    );
  }
  return (
    <div className={`state-content${loading ? ' state-content--busy' : ''}`} aria-busy={loading}>
      {children}
    </div>
  );
}
