/** The application: restores or starts a session, then shows the header, region tree, search and person pages. */
import { useEffect, useState } from 'react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Purpose } from '@epigrid/core';
import { ApiError, fetchMe, getToken, logout, onSessionEnd } from './api-client.js';
import type { Me } from './api-client.js';
import { useHashRoute } from './hash-route.js';
import { LoginPage } from './login-page.js';
import { RiskAreasPage } from './risk-areas-page.js';
import { VerifyPage } from './verify-page.js';
import { forgetUser, rememberUser, rememberedUser } from './offline-session.js';
import { Workspace } from './workspace.js';

type Session = { readonly state: 'checking' } | { readonly state: 'signed-out'; readonly endedBecause: string | null } | { readonly state: 'signed-in'; readonly me: Me };

/** The root component. */
export function App(): ReactElement {
  const { t } = useTranslation();
  const [session, setSession] = useState<Session>(() =>
    getToken() === null ? { state: 'signed-out', endedBecause: null } : { state: 'checking' },
  );
  const [purpose, setPurpose] = useState<Purpose | null>(null);
  const route = useHashRoute();

  useEffect(
    () =>
      onSessionEnd((code) => {
        forgetUser();
        setPurpose(null);
        setSession({ state: 'signed-out', endedBecause: code });
      }),
    [],
  );

  useEffect(() => {
    if (session.state !== 'checking') return undefined;
    let current = true;
    fetchMe().then(
      (me) => {
        rememberUser(me);
        if (current) setSession({ state: 'signed-in', me });
      },
      (error: unknown) => {
        // Offline, the session is presumed alive: the app reopens for the user it had, and the server judges on the next call.
        const remembered = error instanceof ApiError && error.status === 0 ? rememberedUser() : null;
        if (current) setSession(remembered === null ? { state: 'signed-out', endedBecause: null } : { state: 'signed-in', me: remembered });
      },
    );
    return () => {
      current = false;
    };
  }, [session.state]);

  const signOut = async (): Promise<void> => {
    await logout();
    forgetUser();
    setPurpose(null);
    window.location.hash = '';
    setSession({ state: 'signed-out', endedBecause: null });
  };

  // The verifier needs no account: it checks signatures against public trust lists.
  if (route.name === 'verify') return <VerifyPage />;
  if (session.state === 'checking') {
    return (
      <p className="splash" role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (session.state === 'signed-out' && route.name === 'risk-areas') {
    // The risk-area list is public: no sign-in needed.
    return (
      <main className="public-page">
        <RiskAreasPage backHref="#/" />
      </main>
    );
  }
  if (session.state === 'signed-out') {
    return (
      <LoginPage
        onLogin={(me) => {
          rememberUser(me);
          setSession({ state: 'signed-in', me });
        }}
        endedBecause={session.endedBecause}
      />
    );
  }
  return <Workspace key={session.me.id} me={session.me} purpose={purpose} onPurposeChange={setPurpose} onLogout={() => void signOut()} />;
}
