import { useTranslation } from 'react-i18next';
import { errorPlace, importErrorKey, type ImportUiError } from './import-errors';

/** Props of ImportErrorBox. */
export interface ImportErrorBoxProps {
  error: ImportUiError;
  /** 'commit' adds that nothing of the file was written. */
  context: 'preview' | 'commit';
  onRetry?: () => void;
}

/** An import error in the user's language: what happened, where (file, sheet, row, column), what to do. */
export function ImportErrorBox({ error, context, onRetry }: ImportErrorBoxProps) {
  const { t } = useTranslation();
  const key = importErrorKey(error.code);
  const place = errorPlace(error.details);
  const parts = [
    place.file && t('import.place.file', { file: place.file }),
    place.sheet && t('import.place.sheet', { sheet: place.sheet }),
    place.row !== undefined && t('import.place.row', { row: place.row }),
    place.column && t('import.place.column', { column: place.column }),
  ].filter((p): p is string => typeof p === 'string' && p.length > 0);
  return (
    <div className="import-error" role="alert" data-error-code={error.code}>
      <p className="import-error__title">{t(`import.errors.${key}.title`)}</p>
      {parts.length > 0 && <p className="import-error__place">{parts.join(' · ')}</p>}
      <p className="import-error__action">{t(`import.errors.${key}.action`)}</p>
      {context === 'commit' && error.code !== 'CANCELLED' && (
        <p className="import-error__safe">{t('import.errors.nothingChanged')}</p>
      )}
      <p className="import-error__code">{t('errors.code', { code: error.code })}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}
