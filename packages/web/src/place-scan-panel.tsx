/** The pass holder scans a venue's place code: the scan is posted with the phone's position (if allowed). */
import { useCallback, useState } from 'react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api-client.js';
import { DoorKeeperView } from './door-keeper-view.js';
import { ErrorMessage } from './error-message.js';
import { scanPlaceCode } from './pass-api.js';
import type { DoorKeeperView as View, PhonePosition } from './pass-api.js';
import { QrInput } from './qr-input.js';

const POSITION_TIMEOUT_MS = 8_000;

/** Asks the browser where the phone is; null when refused, unavailable or too slow. */
function currentPosition(): Promise<PhonePosition | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lon: p.coords.longitude, accuracyM: Number.isFinite(p.coords.accuracy) ? p.coords.accuracy : null }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: POSITION_TIMEOUT_MS, maximumAge: 60_000 },
    );
  });
}

/** Scan a place code with the camera or an image, then show the door keeper's view. */
export function PlaceScanPanel(): ReactElement {
  const { t } = useTranslation();
  const [shareLocation, setShareLocation] = useState(true);
  const [busy, setBusy] = useState(false);
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const onText = useCallback(
    (text: string): void => {
      setBusy(true);
      setError(null);
      setView(null);
      (shareLocation ? currentPosition() : Promise.resolve(null))
        .then((position) => scanPlaceCode(text, position))
        .then(setView, (e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, 'internal', String(e))))
        .finally(() => setBusy(false));
    },
    [shareLocation],
  );

  return (
    <section className="panel pass-scan" data-testid="place-scan">
      <h2 className="panel__title">{t('passes.scanTitle')}</h2>
      <p className="muted">{t('passes.scanHint')}</p>
      <label className="pass-scan__location">
        <input type="checkbox" checked={shareLocation} onChange={(e) => setShareLocation(e.target.checked)} data-testid="place-scan-location" />
        {t('passes.shareLocation')}
      </label>
      <QrInput onText={onText} testId="place-scan" />
      {busy && <p className="muted">{t('passes.recording')}</p>}
      {error !== null && <ErrorMessage error={error} testId="place-scan-error" />}
      {view !== null && <DoorKeeperView view={view} />}
    </section>
  );
}
