/** The top bar after sign-in: brand, section navigation, the user's name, role and jurisdiction, language switch and sign-out. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Purpose } from '@epigrid/core';
import type { Me } from './api-client.js';
import { AppNav } from './app-nav.js';
import { localName } from './format.js';
import { homeHash } from './hash-route.js';
import type { Section } from './hash-route.js';
import { LanguageSwitch } from './language-switch.js';
import { useLanguage } from './use-language.js';

/** Props of {@link AppHeader}. */
export interface AppHeaderProps {
  readonly me: Me;
  /** The section shown now, marked in the navigation. */
  readonly section: Section;
  /** The session's declared purpose, carried by the navigation. */
  readonly purpose: Purpose | null;
  readonly onLogout: () => void;
}

/** The application header. */
export function AppHeader({ me, section, purpose, onLogout }: AppHeaderProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <header className="topbar">
      <a className="topbar__brand" href={homeHash}>
        <span className="brand" aria-hidden="true">
          EG
        </span>
        <span className="topbar__titles">
          <span className="topbar__title">{t('app.title')}</span>
          <span className="topbar__tagline">{t('app.tagline')}</span>
        </span>
      </a>
      {me.role !== 'public' && <AppNav section={section} purpose={purpose} role={me.role} abilities={me.abilities} />}
      <div className="topbar__user" data-testid="header-user">
        <span className="topbar__name" data-testid="header-name">
          {me.displayName}
        </span>
        <span className="topbar__meta">
          <span className="chip" title={t('header.role')} data-testid="header-role">
            {t(`roles.${me.role}`, { defaultValue: me.role })}
          </span>
          <span className="topbar__region" title={t('header.jurisdiction')} data-testid="header-region">
            {localName(language, me.regionNameZh, me.regionNameEn)}
          </span>
        </span>
      </div>
      <div className="topbar__actions">
        <LanguageSwitch />
        <button type="button" className="button button--ghost" onClick={onLogout} data-testid="logout">
          {t('header.logout')}
        </button>
      </div>
    </header>
  );
}
