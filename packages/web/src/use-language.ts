/** The current UI language as a hook. */
import { useTranslation } from 'react-i18next';
import { toLanguage } from './i18n.js';
import type { Language } from './i18n.js';

/** The current UI language; components using it re-render when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return toLanguage(i18n.resolvedLanguage ?? i18n.language);
}
