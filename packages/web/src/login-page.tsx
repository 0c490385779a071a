/** The sign-in page: user name and password, the server's error, and demo logins in demo mode. */
import { useEffect, useState } from 'react';
import type { FormEvent, ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fetchDemo, login } from './api-client.js';
import type { DemoInfo, Me } from './api-client.js';
import { DemoLogins } from './demo-logins.js';
import { ErrorMessage } from './error-message.js';
import { LanguageSwitch } from './language-switch.js';

/** Props of {@link LoginPage}. */
export interface LoginPageProps {
  /** Called with the signed-in user. */
  readonly onLogin: (me: Me) => void;
  /** Why the previous session ended, if it did (an error code). */
  readonly endedBecause: string | null;
}

/** The sign-in form. */
export function LoginPage({ onLogin, endedBecause }: LoginPageProps): ReactElement {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState(false);
  const [demo, setDemo] = useState<DemoInfo | null>(null);

  useEffect(() => {
    let current = true;
    fetchDemo().then(
      (info) => {
        if (current) setDemo(info);
      },
      () => {
        if (current) setDemo({ demo: false });
      },
    );
    return () => {
      current = false;
    };
  }, []);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setError(null);
    setMissing(username.trim() === '' || password === '');
    if (username.trim() === '' || password === '') return;
    setBusy(true);
    try {
      const result = await login(username.trim(), password);
      onLogin(result.user);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'internal', String(caught)));
      setBusy(false);
    }
  };

  const pick = (name: string): void => {
    setUsername(name);
    if (demo?.demo === true) setPassword(demo.password);
    setError(null);
    setMissing(false);
  };

  return (
    <div className="login">
      <div className="login__lang">
        <LanguageSwitch />
      </div>
      <main className="login__card">
        <header className="login__header">
          <div className="brand brand--large" aria-hidden="true">
            EG
          </div>
          <h1 className="login__title">{t('app.title')}</h1>
          <p className="login__subtitle">{t('login.subtitle')}</p>
        </header>
        {endedBecause !== null && error === null && !missing && (
          <p className="alert alert--info" role="status">
            {t('login.sessionEnded')}
          </p>
        )}
        <form className="form" onSubmit={(event) => void submit(event)} noValidate data-testid="login-form">
          <label className="field">
            <span className="field__label">{t('login.username')}</span>
            <input
              className="input"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(event) => setUsername(event.target.value)}
              data-testid="login-username"
            />
          </label>
          <label className="field">
            <span className="field__label">{t('login.password')}</span>
            <input
              className="input"
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              data-testid="login-password"
            />
          </label>
          {missing && (
            <p className="alert alert--error" role="alert" data-testid="login-error">
              {t('login.required')}
            </p>
          )}
          {error !== null && <ErrorMessage error={error} testId="login-error" />}
          <button className="button button--primary button--block" type="submit" disabled={busy} data-testid="login-submit">
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        <p className="login__public">
          <a href="#/risk-areas" data-testid="login-risk-areas">
            {t('login.riskAreas')}
          </a>
        </p>
        {demo?.demo === true && <DemoLogins password={demo.password} logins={demo.logins} onPick={pick} />}
        <p className="login__public-link">
          <a href="#/verify" data-testid="login-verify-link">
            {t('login.verifyLink')}
          </a>
        </p>
      </main>
    </div>
  );
}
