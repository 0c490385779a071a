/** An identifier shown exactly as the server returned it, with a badge when it is masked. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** Props of {@link MaskedValue}. */
export interface MaskedValueProps {
  /** The value as returned (clear or masked); null when there is none. */
  readonly value: string | null;
  readonly masked: boolean;
  /** `data-testid` of the value; the badge gets `<testId>-masked`. */
  readonly testId: string;
}

/** A monospace identifier plus a "masked" badge. */
export function MaskedValue({ value, masked, testId }: MaskedValueProps): ReactElement {
  const { t } = useTranslation();
  if (value === null || value === '') {
    return (
      <span className="muted" data-testid={testId}>
        {t('person.none')}
      </span>
    );
  }
  return (
    <span className="identifier">
      <span className="mono identifier__value" data-testid={testId} data-masked={masked}>
        {value}
      </span>
      {masked && (
        <span className="badge badge--masked" title={t('person.maskedTitle')} data-testid={`${testId}-masked`}>
          {t('person.masked')}
        </span>
      )}
    </span>
  );
}
