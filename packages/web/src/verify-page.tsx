/**
 * The verifier (`#/verify`, no sign-in): reads a pass or place code from the camera or an image and
 * verifies it in the browser against the cached trust lists, showing each step.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { verifyText } from '@epigrid/pass';
import type { VerificationReport } from '@epigrid/pass';
import { formatTimestamp } from './format.js';
import { LanguageSwitch } from './language-switch.js';
import { loadOfflineTrust } from './offline-trust.js';
import type { OfflineTrust } from './offline-trust.js';
import { QrInput } from './qr-input.js';
import './passes.css';

/** What the page shows about one verification. */
function ReportView({ report }: { readonly report: VerificationReport }): ReactElement {
  const { t } = useTranslation();
  const content = report.content;
  return (
    <section className={`verify-result verify-result--${report.valid ? 'valid' : 'invalid'}`} data-testid="verify-result" data-valid={report.valid}>
      <p className="verify-result__verdict">{report.valid ? t('passes.valid') : t('passes.invalid')}</p>
      {content?.kind === 'pass' && (
        <p className={`pass__colour pass__colour--${content.pass.colour}`} data-testid="verify-colour">
          {t(`passes.colours.${content.pass.colour}`)} · {t('passes.validUntil', { time: formatTimestamp(content.pass.expiresAt.toISOString()) })}
        </p>
      )}
      {content?.kind === 'place' && <p className="verify-result__place">{t('passes.placeOf', { name: content.place.name })}</p>}
      <ol className="verify-steps">
        {report.steps.map((step) => (
          <li key={step.step} className={step.ok ? 'verify-steps__ok' : 'verify-steps__failed'} data-testid={`verify-step-${step.step}`} data-ok={step.ok}>
            <span aria-hidden="true">{step.ok ? '✓' : '✗'}</span> <strong>{t(`passes.steps.${step.step}`, { defaultValue: step.step })}</strong>
            <span className="muted"> — {step.detail}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The verifier page. */
export function VerifyPage(): ReactElement {
  const { t } = useTranslation();
  const [trust, setTrust] = useState<OfflineTrust | null>(null);
  const [trustError, setTrustError] = useState<string | null>(null);
  const [report, setReport] = useState<VerificationReport | null>(null);
  const [pasted, setPasted] = useState('');

  const load = useCallback((refresh: boolean): void => {
    setTrustError(null);
    loadOfflineTrust(refresh).then(setTrust, (e: unknown) => setTrustError(e instanceof Error ? e.message : String(e)));
  }, []);
  useEffect(() => load(false), [load]);

  const check = useCallback(
    (text: string): void => {
      if (trust === null) return;
      void verifyText(text.trim(), { trust: trust.trust, revocations: trust.revocations, at: new Date() }).then(setReport);
    },
    [trust],
  );

  return (
    <div className="verify-shell">
      <header className="verify-header">
        <a className="verify-header__brand" href="#/">{t('app.title')}</a>
        <LanguageSwitch />
      </header>
      <main className="panel verify" data-testid="verify-page">
        <h1 className="panel__title">{t('passes.verifyTitle')}</h1>
        <p className="muted">{t('passes.verifyHint')}</p>
        {trust !== null && (
          <p className="muted" data-testid="verify-trust">
            {t('passes.trustInfo', { keys: trust.keys, jurisdictions: trust.jurisdictions.join(', '), time: formatTimestamp(trust.fetchedAt) })}{' '}
            <button type="button" className="button button--ghost" onClick={() => load(true)}>
              {t('passes.refreshTrust')}
            </button>
          </p>
        )}
        {trustError !== null && (
          <p className="alert alert--error" role="alert">
            {t('passes.trustUnavailable')} ({trustError})
          </p>
        )}
        {trust !== null && (
          <>
            <QrInput onText={check} testId="verify" />
            <form
              className="verify__paste"
              onSubmit={(e) => {
                e.preventDefault();
                check(pasted);
              }}
            >
              <textarea value={pasted} onChange={(e) => setPasted(e.target.value)} placeholder="EGP1:…" rows={3} data-testid="verify-text" aria-label={t('passes.pasteLabel')} />
              <button type="submit" className="button" data-testid="verify-submit">
                {t('passes.check')}
              </button>
            </form>
          </>
        )}
        {report !== null && <ReportView report={report} />}
      </main>
    </div>
  );
}
