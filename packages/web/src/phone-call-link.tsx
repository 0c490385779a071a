/**
 * A masked phone number that calls the person when tapped: the number in clear is read at that moment
 * for field verification (an audited read the grid worker's role allows), never kept in the page.
 */
import { useState } from 'react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fetchPerson } from './api-client.js';

/** Props of {@link PhoneCallLink}. */
export interface PhoneCallLinkProps {
  readonly personId: number;
  readonly phoneMasked: string;
}

/** Tap to call; a failure (offline, refused) is said in place. */
export function PhoneCallLink({ personId, phoneMasked }: PhoneCallLinkProps): ReactElement {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const call = async (): Promise<void> => {
    setError(null);
    try {
      const person = await fetchPerson(personId, 'field_verification');
      if (person.phone === null || person.phoneMasked) throw new ApiError(403, 'phone_hidden', t('grid.phoneHidden'));
      window.location.href = `tel:${person.phone}`;
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status === 0 ? t('grid.callOffline') : t('grid.callFailed'));
    }
  };
  return (
    <span className="phonecall">
      <button type="button" className="phonecall__button" onClick={() => void call()} data-testid="task-phone" aria-label={t('grid.call', { phone: phoneMasked })}>
        <span aria-hidden="true">☎</span> <span className="mono">{phoneMasked}</span>
      </button>
      {error !== null && (
        <span className="phonecall__error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
