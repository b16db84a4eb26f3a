import { useTranslation } from 'react-i18next';
import { errorMessageKey, type UiError } from '../errors/ui-error';
import './states.css';

/** Props of ErrorState. */
export interface ErrorStateProps {
  error: UiError;
  onRetry?: () => void;
  /** Compact layout inside a tile. */
  compact?: boolean;
}

/** An engine error in the user's language: what happened, what to do next, the code for support. */
export function ErrorState({ error, onRetry, compact }: ErrorStateProps) {
  const { t } = useTranslation();
  const key = errorMessageKey(error.code);
  return (
    <div className={`state state--error${compact ? ' state--compact' : ''}`} role="alert">
      <p className="state__title">{t(`errors.${key}.title`)}</p>
      {!compact && <p className="state__text">{t(`errors.${key}.action`)}</p>}
      <p className="state__code">{t('errors.code', { code: error.code })}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}
