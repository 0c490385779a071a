/** The 中文 / English switch; the choice is persisted by the i18n set-up. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from './i18n.js';
import { useLanguage } from './use-language.js';

const labels: Readonly<Record<Language, string>> = { zh: '中文', en: 'English' };

/** Two toggle buttons, one per UI language. */
export function LanguageSwitch(): ReactElement {
  const { t, i18n } = useTranslation();
  const current = useLanguage();
  return (
    <div className="lang-switch" role="group" aria-label={t('header.language')}>
      {(['zh', 'en'] as const).map((language) => (
        <button
          key={language}
          type="button"
          className="lang-switch__button"
          aria-pressed={current === language}
          lang={language === 'zh' ? 'zh-CN' : 'en'}
          data-testid={`lang-${language}`}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {labels[language]}
        </button>
      ))}
    </div>
  );
}
