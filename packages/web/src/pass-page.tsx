/** The holder's own pass: the colour, the reason in plain words, and the signed pass as a QR code, renewed when it expires. */
import { useEffect, useState } from 'react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './error-message.js';
import { formatTimestamp } from './format.js';
import { fetchMyPass } from './pass-api.js';
import { PlaceScanPanel } from './place-scan-panel.js';
import { QrImage } from './qr-image.js';
import { useAsync } from './use-async.js';
import './passes.css';

/** Longest wait before asking for a fresh pass (a browser timer cannot wait for days). */
const MAX_WAIT_MS = 6 * 3_600_000;

/** The pass page (`#/pass`). */
export function PassPage(): ReactElement {
  const { t } = useTranslation();
  const [round, setRound] = useState(0);
  const pass = useAsync(() => fetchMyPass(), [round]);

  useEffect(() => {
    if (pass.data === null) return undefined;
    const wait = Math.min(MAX_WAIT_MS, Math.max(1_000, Date.parse(pass.data.expiresAt) - Date.now()));
    const timer = window.setTimeout(() => setRound((n) => n + 1), wait);
    return () => window.clearTimeout(timer);
  }, [pass.data]);

  const data = pass.data;
  return (
    <div className="pass-layout">
      <section className="panel pass" data-testid="pass-page">
        <h1 className="panel__title">{t('passes.title')}</h1>
        {pass.loading && data === null && <p className="muted">{t('app.loading')}</p>}
        {pass.error !== null && <ErrorMessage error={pass.error} testId="pass-error" />}
        {data !== null && (
          <>
            <div className={`pass__colour pass__colour--${data.colour}`} data-testid="pass-colour" data-colour={data.colour}>
              {t(`passes.colours.${data.colour}`)}
            </div>
            <p className="pass__reason" data-testid="pass-reason">
              {t(`code.reasons.${data.reasonKey}`, { defaultValue: t('passes.reasonCode', { code: data.reasonCode }) })}
            </p>
            <QrImage text={data.text} label={t('passes.qrLabel')} testId="pass-qr" />
            <p className="muted pass__validity">
              {t('passes.validUntil', { time: formatTimestamp(data.expiresAt) })} · {t('passes.issuer', { jurisdiction: data.jurisdiction })}
            </p>
            <button type="button" className="button button--ghost" onClick={() => setRound((n) => n + 1)} data-testid="pass-refresh">
              {t('passes.refresh')}
            </button>
          </>
        )}
      </section>
      <PlaceScanPanel />
    </div>
  );
}
