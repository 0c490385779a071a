/** A person's record, read for a declared purpose; identifiers are shown exactly as the server returned them. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Purpose } from '@epigrid/core';
import { fetchPerson } from './api-client.js';
import { ErrorMessage } from './error-message.js';
import { homeHash } from './hash-route.js';
import { HealthCodeCard } from './health-code-card.js';
import { PersonRecordView } from './person-record.js';
import { PurposeSelect } from './purpose-select.js';
import { useAsync } from './use-async.js';

/** Props of {@link PersonPage}. */
export interface PersonPageProps {
  readonly id: number;
  /** The declared purpose; the record is read only once there is one. */
  readonly purpose: Purpose | null;
  readonly onPurposeChange: (purpose: Purpose | null) => void;
}

/** The person page. */
export function PersonPage({ id, purpose, onPurposeChange }: PersonPageProps): ReactElement {
  const { t } = useTranslation();
  const person = useAsync(() => (purpose === null ? null : fetchPerson(id, purpose)), [id, purpose]);
  return (
    <section className="panel person" data-testid="person-page">
      <div className="person__bar">
        <a className="button button--ghost" href={homeHash} data-testid="person-back">
          ‹ {t('person.back')}
        </a>
        <div className="field person__purpose">
          <label className="field__label" htmlFor="person-purpose">
            {t('person.purpose')}
          </label>
          <PurposeSelect id="person-purpose" value={purpose} onChange={onPurposeChange} testId="person-purpose-select" />
        </div>
      </div>
      {purpose === null && <p className="alert alert--info">{t('person.choosePurpose')}</p>}
      {person.loading && <p className="muted">{t('person.loading')}</p>}
      {person.error !== null && <ErrorMessage error={person.error} testId="person-error" />}
      {person.data !== null && !person.loading && purpose !== null && <PersonRecordView person={person.data} purpose={purpose} />}
      {person.data !== null && !person.loading && purpose !== null && <HealthCodeCard personId={id} purpose={purpose} />}
    </section>
  );
}
