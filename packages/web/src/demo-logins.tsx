/** The demo logins table on the sign-in page, shown only when the server runs in demo mode. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemoLogin } from './api-client.js';
import { localName } from './format.js';
import { useLanguage } from './use-language.js';

/** Props of {@link DemoLogins}. */
export interface DemoLoginsProps {
  readonly password: string;
  readonly logins: readonly DemoLogin[];
  /** Called with the chosen user name. */
  readonly onPick: (username: string) => void;
}

/** A compact table of demo users; picking one fills in the sign-in form. */
export function DemoLogins({ password, logins, onPick }: DemoLoginsProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="demo" aria-labelledby="demo-title" data-testid="demo-logins">
      <h2 id="demo-title" className="demo__title">
        {t('login.demoTitle')}
      </h2>
      <p className="demo__hint">
        {t('login.demoHint', { password })}
      </p>
      <table className="demo__table">
        <thead>
          <tr>
            <th scope="col">{t('login.demoUser')}</th>
            <th scope="col">{t('login.demoRole')}</th>
            <th scope="col">{t('login.demoRegion')}</th>
          </tr>
        </thead>
        <tbody>
          {logins.map((login) => (
            <tr key={login.username}>
              <td>
                <button
                  type="button"
                  className="link-button"
                  data-testid={`demo-login-${login.username}`}
                  onClick={() => onPick(login.username)}
                  title={t('login.use')}
                >
                  {login.username}
                </button>
              </td>
              <td>{t(`roles.${login.role}`, { defaultValue: login.role })}</td>
              <td>{localName(language, login.regionNameZh, login.regionNameEn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
