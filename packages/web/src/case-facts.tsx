/** The facts of a case: person, classification, dates, isolation, origin and when it was traced. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Purpose } from '@epigrid/core';
import type { CaseReport } from './case-types.js';
import { formatTimestamp } from './format.js';
import { personHash } from './hash-route.js';
import { RecordRow } from './record-row.js';

/** Props of {@link CaseFacts}. */
export interface CaseFactsProps {
  readonly record: CaseReport;
  /** The purpose the case was read for (the person link keeps it). */
  readonly purpose: Purpose;
}

/** A definition list of the case's facts. */
export function CaseFacts({ record, purpose }: CaseFactsProps): ReactElement {
  const { t } = useTranslation();
  const none = t('person.none');
  return (
    <dl className="case-facts" data-testid="case-facts">
      <RecordRow label={t('case.person')}>
        <a href={personHash(record.personId, purpose)} data-testid="case-person">
          {record.personName}
        </a>
      </RecordRow>
      <RecordRow label={t('case.classification')}>
        <span className={`chip chip--${record.classification}`} data-testid="case-classification">
          {t(`classifications.${record.classification}`, { defaultValue: record.classification })}
        </span>
      </RecordRow>
      <RecordRow label={t('case.onsetDate')}>{record.onsetDate ?? none}</RecordRow>
      <RecordRow label={t('case.samplingDate')}>{record.samplingDate}</RecordRow>
      <RecordRow label={t('case.reportTime')}>{formatTimestamp(record.reportTime)}</RecordRow>
      <RecordRow label={t('case.isolatedTime')}>
        {record.isolatedTime === null ? <span className="muted">{t('case.notIsolated')}</span> : formatTimestamp(record.isolatedTime)}
      </RecordRow>
      <RecordRow label={t('case.origin')}>{record.imported ? t('case.imported') : t('case.local')}</RecordRow>
      <RecordRow label={t('case.tracedAt')}>
        <span data-testid="case-traced-at">
          {record.tracedAt === null ? <span className="muted">{t('case.notTraced')}</span> : formatTimestamp(record.tracedAt)}
        </span>
      </RecordRow>
    </dl>
  );
}
