/** A select for the declared purpose of reading personal data, with translated labels. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isPurpose, purposes } from '@epigrid/core';
import type { Purpose } from '@epigrid/core';

/** Props of {@link PurposeSelect}. */
export interface PurposeSelectProps {
  readonly id: string;
  readonly value: Purpose | null;
  readonly onChange: (purpose: Purpose | null) => void;
  readonly testId: string;
  readonly invalid?: boolean;
}

/** The purpose select; empty until the user declares a purpose. */
export function PurposeSelect({ id, value, onChange, testId, invalid = false }: PurposeSelectProps): ReactElement {
  const { t } = useTranslation();
  return (
    <select
      id={id}
      className={`input select${invalid ? ' input--invalid' : ''}`}
      value={value ?? ''}
      required
      aria-invalid={invalid}
      onChange={(event) => onChange(isPurpose(event.target.value) ? event.target.value : null)}
      data-testid={testId}
    >
      <option value="" disabled>
        {t('search.purposePlaceholder')}
      </option>
      {purposes.map((purpose) => (
        <option key={purpose} value={purpose}>
          {t(`purposes.${purpose}`)}
        </option>
      ))}
    </select>
  );
}
