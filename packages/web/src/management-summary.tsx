/** A contact's management: quarantine end date and phases with test days, or a companion's test follow-up. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TracedContact } from './case-types.js';
import { isCompanionFollowUp, isManagementPlan } from './case-types.js';

/** Props of {@link ManagementSummary}. */
export interface ManagementSummaryProps {
  readonly management: TracedContact['management'];
}

/** End date, phases and test dates of a quarantine plan, or the follow-up of a companion. */
export function ManagementSummary({ management }: ManagementSummaryProps): ReactElement {
  const { t } = useTranslation();
  if (isCompanionFollowUp(management)) {
    return (
      <p className="management" data-testid="contact-management">
        <span className="management__end">
          {t('management.followUp', { tests: management.tests, hours: management.minHoursApart, dueBy: management.dueBy })}
        </span>
        <code className="rule-id management__rule" title={t('evidence.rule')}>
          {management.ruleId}
        </code>
      </p>
    );
  }
  if (!isManagementPlan(management)) {
    return (
      <p className="management muted" data-testid="contact-management">
        {t('management.noFollowUp')}
      </p>
    );
  }
  const phases: string[] = [];
  if (management.centralisedUntil !== null) phases.push(t('management.centralised', { date: management.centralisedUntil }));
  if (management.homeUntil !== null && management.homeMode !== 'none') {
    phases.push(t(management.homeMode === 'isolation' ? 'management.homeIsolation' : 'management.homeMonitoring', { date: management.homeUntil }));
  }
  return (
    <div className="management" data-testid="contact-management">
      <p className="management__line">
        {management.endDate === null ? (
          <span className="management__end">{t('management.none')}</span>
        ) : (
          <strong className="management__end" data-testid="management-end-date" data-date={management.endDate}>
            {t('management.until', { date: management.endDate })}
          </strong>
        )}
        {phases.length > 0 && <span className="muted"> · {phases.join(' · ')}</span>}
        <code className="rule-id management__rule" title={t('evidence.rule')}>
          {management.ruleId}
        </code>
      </p>
      {management.tests.length > 0 && (
        <p className="management__line management__tests">
          <span className="muted">{t('management.tests')}:</span>
          {management.tests.map((test) => (
            <span
              key={`${test.phase}-${test.day}`}
              className="chip chip--date"
              title={t('management.testTitle', {
                day: test.day,
                phase: t(test.phase === 'centralised' ? 'management.phaseCentralised' : 'management.phaseHome'),
              })}
              data-testid="management-test-date"
            >
              {test.date.slice(5)}
              <span className="chip__sub">{t('management.testDay', { day: test.day })}</span>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
