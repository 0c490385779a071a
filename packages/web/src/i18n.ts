/**
 * i18next set-up: English and Chinese, the choice persisted in localStorage and reflected in
 * `<html lang>` and the document title.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, zh } from './translations.js';

/** Languages the UI offers. */
export const languages = ['zh', 'en'] as const;

/** One of {@link languages}. */
export type Language = (typeof languages)[number];

const storageKey = 'epigrid.lang';

function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(storageKey);
    return value === 'zh' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

function initialLanguage(): Language {
  const stored = storedLanguage();
  if (stored !== null) return stored;
  const preferred = typeof navigator === 'undefined' ? '' : navigator.language.toLowerCase();
  return preferred.startsWith('zh') ? 'zh' : 'en';
}

/**
 * The current UI language, narrowed to {@link Language}.
 * @param lang - i18next's language string
 */
export function toLanguage(lang: string | undefined): Language {
  return lang?.startsWith('zh') === true ? 'zh' : 'en';
}

function reflect(lang: string): void {
  const language = toLanguage(lang);
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  document.title = `EpiGrid · ${i18next.t('app.tagline')}`;
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Storage may be unavailable; the choice then lasts until reload.
  }
}

/** The configured i18next instance (resources are inline, so it is ready synchronously). */
export const i18n = i18next;

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, zh: { translation: zh } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...languages],
  interpolation: { escapeValue: false },
  initAsync: false,
  react: { useSuspense: false },
  showSupportNotice: false,
});
i18next.on('languageChanged', reflect);
reflect(i18next.language);
