import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, useLang } from '../i18n';

const NAMES = { vi: 'Tiếng Việt', en: 'English' } as const;

/** Two toggle buttons; each language is named in itself so a reader of either can find it. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div className="lang-switch" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className={`lang-switch__button${l === lang ? ' lang-switch__button--on' : ''}`}
          aria-pressed={l === lang}
          onClick={() => setLanguage(l)}
        >
          {NAMES[l]}
        </button>
      ))}
    </div>
  );
}
