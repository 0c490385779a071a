/** The search results table; identifiers are masked by the server. Rows open the person's page. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSummary, Purpose } from '@epigrid/core';
import { ageToday } from './format.js';
import { navigate, personHash } from './hash-route.js';

/** Props of {@link PersonResults}. */
export interface PersonResultsProps {
  readonly items: readonly PersonSummary[];
  readonly purpose: Purpose;
}

/** A table of person summaries that collapses to cards on narrow screens. */
export function PersonResults({ items, purpose }: PersonResultsProps): ReactElement {
  const { t } = useTranslation();
  return (
    <table className="results">
      <thead>
        <tr>
          <th scope="col">{t('search.colName')}</th>
          <th scope="col">{t('search.colSex')}</th>
          <th scope="col">{t('search.colBirthDate')}</th>
          <th scope="col">{t('search.colResidentId')}</th>
          <th scope="col">{t('search.colGrid')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((person) => {
          const href = personHash(person.id, purpose);
          const age = ageToday(person.birthDate);
          return (
            <tr
              key={person.id}
              className="results__row"
              onClick={() => navigate(href)}
              data-testid="result-row"
              data-person-id={person.id}
            >
              <td data-label={t('search.colName')} className="results__name">
                <a href={href} onClick={(event) => event.stopPropagation()} data-testid="result-name">
                  {person.name}
                </a>
              </td>
              <td data-label={t('search.colSex')}>{t(`sex.${person.sex}`, { defaultValue: person.sex })}</td>
              <td data-label={t('search.colBirthDate')}>
                <span>
                  {person.birthDate}
                  {age !== null && <span className="muted"> ({t('person.ageValue', { count: age })})</span>}
                </span>
              </td>
              <td data-label={t('search.colResidentId')} className="mono" data-testid="result-resident-id">
                {person.residentIdMasked}
              </td>
              <td data-label={t('search.colGrid')}>{person.gridName}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
