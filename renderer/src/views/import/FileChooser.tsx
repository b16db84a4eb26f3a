import { useTranslation } from 'react-i18next';
import { chooseFiles } from './import-actions';

/** Step 1: drop files anywhere, or choose them. */
export function FileChooser() {
  const { t } = useTranslation();
  return (
    <section className="import-drop card" data-testid="import-dropzone" aria-labelledby="import-drop-title">
      <span className="import-drop__icon" aria-hidden="true">
        ⤓
      </span>
      <h2 id="import-drop-title" className="import-drop__title">
        {t('import.choose.title')}
      </h2>
      <p className="import-drop__text">{t('import.choose.text')}</p>
      <button
        type="button"
        className="button button--primary import-drop__button"
        data-testid="import-choose"
        onClick={() => void chooseFiles()}
      >
        {t('import.choose.button')}
      </button>
      <p className="import-drop__formats">{t('import.choose.formats')}</p>
      <ul className="import-drop__kinds">
        <li>{t('import.choose.kindModels')}</li>
        <li>{t('import.choose.kindValues')}</li>
        <li>{t('import.choose.kindUnits')}</li>
      </ul>
      <p className="import-drop__safe">{t('import.choose.safe')}</p>
    </section>
  );
}
