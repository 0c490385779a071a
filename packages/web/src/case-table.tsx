/** The case list as a table that collapses to cards on narrow screens. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Purpose } from '@epigrid/core';
import type { CaseReport } from './case-types.js';
import { formatTimestamp } from './format.js';
import { caseHash, navigate, personHash } from './hash-route.js';

/** Props of {@link CaseTable}. */
export interface CaseTableProps {
  readonly items: readonly CaseReport[];
  /** The purpose the list was read for (links keep it). */
  readonly purpose: Purpose;
}

/** Report id (opens the case), person (opens their record), classification, dates, report and trace times. */
export function CaseTable({ items, purpose }: CaseTableProps): ReactElement {
  const { t } = useTranslation();
  return (
    <table className="results cases-table" data-testid="case-table">
      <thead>
        <tr>
          <th scope="col">{t('cases.colReport')}</th>
          <th scope="col">{t('cases.colPerson')}</th>
          <th scope="col">{t('cases.colClassification')}</th>
          <th scope="col">{t('cases.colDates')}</th>
          <th scope="col">{t('cases.colReportTime')}</th>
          <th scope="col">{t('cases.colTracedAt')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const href = caseHash(item.id, purpose);
          return (
            <tr key={item.id} className="results__row" onClick={() => navigate(href)} data-testid="case-row" data-case-id={item.id}>
              <td data-label={t('cases.colReport')} className="results__name">
                <a href={href} onClick={(event) => event.stopPropagation()} className="mono" data-testid="case-report-id">
                  {item.reportId}
                </a>
                {item.imported && <span className="badge badge--imported">{t('cases.imported')}</span>}
              </td>
              <td data-label={t('cases.colPerson')}>
                <a href={personHash(item.personId, purpose)} onClick={(event) => event.stopPropagation()} data-testid="case-person-link">
                  {item.personName}
                </a>
              </td>
              <td data-label={t('cases.colClassification')}>
                <span className={`chip chip--${item.classification}`}>
                  {t(`classifications.${item.classification}`, { defaultValue: item.classification })}
                </span>
              </td>
              <td data-label={t('cases.colDates')} className="cases-table__dates">
                {item.onsetDate !== null && <span>{t('cases.onset', { date: item.onsetDate })}</span>}
                <span className={item.onsetDate !== null ? 'muted' : undefined}>{t('cases.sampling', { date: item.samplingDate })}</span>
              </td>
              <td data-label={t('cases.colReportTime')}>{formatTimestamp(item.reportTime)}</td>
              <td data-label={t('cases.colTracedAt')} data-testid="case-traced-at">
                {item.tracedAt === null ? <span className="muted">{t('cases.notTraced')}</span> : formatTimestamp(item.tracedAt)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
