/** A venue's place code to print at its door (`#/place-code/<id>`): the signed QR code and the venue's name. */
import { useState } from 'react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './error-message.js';
import { navigate, placeCodeHash } from './hash-route.js';
import { fetchPlaceCode } from './pass-api.js';
import { useAsync } from './use-async.js';
import './passes.css';

/** Props of {@link PlaceCodePage}. */
export interface PlaceCodePageProps {
  /** The venue, or null to ask for one. */
  readonly placeId: number | null;
}

/** Asks for a venue id, then shows its printable place code. */
export function PlaceCodePage({ placeId }: PlaceCodePageProps): ReactElement {
  const { t } = useTranslation();
  const [entered, setEntered] = useState(placeId === null ? '' : String(placeId));
  const code = useAsync(() => (placeId === null ? null : fetchPlaceCode(placeId)), [placeId]);
  return (
    <section className="panel place-code" data-testid="place-code-page">
      <form
        className="place-code__form no-print"
        onSubmit={(e) => {
          e.preventDefault();
          const id = Number(entered);
          if (Number.isInteger(id) && id > 0) navigate(placeCodeHash(id));
        }}
      >
        <label className="field__label" htmlFor="place-code-id">
          {t('passes.venueId')}
        </label>
        <input id="place-code-id" className="input" inputMode="numeric" value={entered} onChange={(e) => setEntered(e.target.value)} data-testid="place-code-id" />
        <button type="submit" className="button" data-testid="place-code-show">
          {t('passes.showPlaceCode')}
        </button>
        {code.data !== null && (
          <button type="button" className="button button--ghost" onClick={() => window.print()}>
            {t('passes.print')}
          </button>
        )}
      </form>
      {code.error !== null && <ErrorMessage error={code.error} testId="place-code-error" />}
      {code.data !== null && (
        <div className="place-code__sheet" data-testid="place-code-sheet">
          <p className="place-code__title">{t('passes.placeCodeTitle')}</p>
          <img className="place-code__qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(code.data.svg)}`} alt={t('passes.placeCodeQr', { name: code.data.place.name })} data-testid="place-code-qr" />
          <p className="place-code__name">{code.data.place.name}</p>
          <p className="muted">{t('passes.placeCodeHint')}</p>
          <p className="muted place-code__meta">
            {code.data.place.regionCode} · {t('passes.issuer', { jurisdiction: code.data.jurisdiction })} · {code.data.kid}
          </p>
        </div>
      )}
    </section>
  );
}
