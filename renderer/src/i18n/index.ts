/**
 * i18next set-up: Vietnamese by default, English available. The choice is remembered in localStorage
 * and mirrored on <html lang> so screen readers and hyphenation follow it.
 */
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { UiLang } from '../format/numbers';
import { en } from './en';
import { vi } from './vi';

/** Languages offered in the header, in display order. */
export const LANGUAGES: readonly UiLang[] = ['vi', 'en'];

const STORAGE_KEY = 'dvk.lang';

/** The remembered language, or Vietnamese. Storage may be unavailable (privacy modes): then Vietnamese. */
export function storedLanguage(): UiLang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Initialise i18next synchronously (resources are bundled). Call once before the first render. */
export function initI18n(lang: UiLang = storedLanguage()): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: lang,
    fallbackLng: 'vi',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  document.documentElement.lang = lang;
  i18n.on('languageChanged', (l) => {
    document.documentElement.lang = l;
  });
  return i18n;
}

/** Switch the UI language and remember it. */
export function setLanguage(lang: UiLang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage can be disabled; the switch still applies for this session.
  }
  void i18n.changeLanguage(lang);
}

/** The current UI language, re-rendering on change. */
export function useLang(): UiLang {
  const { i18n: inst } = useTranslation();
  return inst.language === 'en' ? 'en' : 'vi';
}
