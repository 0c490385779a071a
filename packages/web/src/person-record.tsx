/** The sections of a person's record: identity, residence, work and school, household. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Purpose } from '@epigrid/core';
import type { PersonView } from './api-client.js';
import { ageToday } from './format.js';
import { HouseholdMembers } from './household-members.js';
import { MaskedValue } from './masked-value.js';
import { RecordRow } from './record-row.js';

function orNone(value: string | null, none: string): string {
  return value === null || value === '' ? none : value;
}

/** Props of {@link PersonRecordView}. */
export interface PersonRecordViewProps {
  readonly person: PersonView;
  /** The purpose the record was read for (household links keep it). */
  readonly purpose: Purpose;
}

/** Identity (identifiers as returned, with masked badges), residence, work and school, household. */
export function PersonRecordView({ person, purpose }: PersonRecordViewProps): ReactElement {
  const { t } = useTranslation();
  const none = t('person.none');
  const age = ageToday(person.birthDate);
  return (
    <div className="record" data-testid="person-record" data-person-id={person.id}>
      <h2 className="record__name" data-testid="person-name">
        {person.name}
      </h2>
      <section className="record__section" aria-labelledby="record-identity">
        <h3 id="record-identity">{t('person.identity')}</h3>
        <dl>
          <RecordRow label={t('person.sex')}>{t(`sex.${person.sex}`, { defaultValue: person.sex })}</RecordRow>
          <RecordRow label={t('person.birthDate')}>
            <span data-testid="person-birth-date">{person.birthDate}</span>
            {age !== null && <span className="muted"> ({t('person.ageValue', { count: age })})</span>}
          </RecordRow>
          <RecordRow label={t('person.residentId')}>
            <MaskedValue value={person.residentId} masked={person.residentIdMasked} testId="person-resident-id" />
          </RecordRow>
          <RecordRow label={t('person.phone')}>
            <MaskedValue value={person.phone} masked={person.phoneMasked} testId="person-phone" />
          </RecordRow>
        </dl>
      </section>
      <section className="record__section" aria-labelledby="record-location">
        <h3 id="record-location">{t('person.location')}</h3>
        <dl>
          <RecordRow label={t('person.address')}>{orNone(person.address, none)}</RecordRow>
          <RecordRow label={t('person.grid')}>{orNone(person.gridName, none)}</RecordRow>
        </dl>
      </section>
      <section className="record__section" aria-labelledby="record-activity">
        <h3 id="record-activity">{t('person.activity')}</h3>
        <dl>
          <RecordRow label={t('person.workplace')}>{orNone(person.workplaceName, none)}</RecordRow>
          <RecordRow label={t('person.school')}>{orNone(person.schoolName, none)}</RecordRow>
          <RecordRow label={t('person.occupation')}>
            {person.occupation === null || person.occupation === '' ? none : t(`occupations.${person.occupation}`, { defaultValue: person.occupation })}
          </RecordRow>
        </dl>
      </section>
      <section className="record__section" aria-labelledby="record-household">
        <h3 id="record-household">{t('person.household')}</h3>
        <HouseholdMembers members={person.householdMembers ?? []} selfId={person.id} purpose={purpose} />
      </section>
    </div>
  );
}
