/** One task on the phone: what to do, for whom, by when, and the outcome form (or the recorded outcome). */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { timeLeft } from './deadline.js';
import { formatTimestamp } from './format.js';
import { gridHash, reviewHash } from './hash-route.js';
import { OutcomeForm } from './outcome-form.js';
import type { OutcomeDraft } from './outcome-form.js';
import { PhoneCallLink } from './phone-call-link.js';
import { RecordRow } from './record-row.js';
import type { TaskView } from './task-types.js';
import { useLanguage } from './use-language.js';

/** Props of {@link TaskScreen}. */
export interface TaskScreenProps {
  readonly task: TaskView;
  readonly now: number;
  /** An outcome for this task waits in the phone's queue. */
  readonly pending: boolean;
  readonly onRecord: (draft: OutcomeDraft) => Promise<void>;
}

/** The task screen. */
export function TaskScreen({ task, now, pending, onRecord }: TaskScreenProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const left = timeLeft(language, task.deadline, now);
  const open = task.status === 'open' && !pending;
  return (
    <article className="taskscreen" data-testid="task-screen" data-task-id={task.id}>
      <a className="taskscreen__back" href={gridHash} data-testid="task-back">
        ← {t('grid.backToList')}
      </a>
      <header className={`taskscreen__head taskscreen__head--${open ? left.urgency : 'closed'}`}>
        <h2>{t(`taskTypes.${task.type}`, { defaultValue: task.type })}</h2>
        {open && <p>{left.urgency === 'overdue' ? t('grid.overdueBy', { duration: left.duration }) : t('grid.timeLeft', { duration: left.duration })}</p>}
      </header>
      <dl className="record taskscreen__facts">
        {task.person !== null && (
          <>
            <RecordRow label={t('grid.person')}>
              <span data-testid="task-screen-person">{task.person.name}</span>
            </RecordRow>
            <RecordRow label={t('grid.address')}>{task.person.address ?? '—'}</RecordRow>
            {task.person.phoneMasked !== null && (
              <RecordRow label={t('grid.phone')}>
                <PhoneCallLink personId={task.person.id} phoneMasked={task.person.phoneMasked} />
              </RecordRow>
            )}
          </>
        )}
        <RecordRow label={t('grid.deadline')}>{formatTimestamp(task.deadline)}</RecordRow>
        <RecordRow label={t('grid.region')}>{task.homeRegion.name}</RecordRow>
      </dl>
      {pending && (
        <p className="alert alert--info" role="status" data-testid="task-pending">
          {t('grid.savedOnPhone')}
        </p>
      )}
      {!pending && task.outcome !== null && (
        <p className="alert alert--info" data-testid="task-outcome">
          {t('grid.recorded', { outcome: t(`outcomes.${task.outcome.code}`), at: formatTimestamp(task.outcome.recordedAt) })}
          {task.outcome.note !== null && task.outcome.note !== '' && <span className="taskscreen__note">{task.outcome.note}</span>}
        </p>
      )}
      {open && task.closedBy === 'appeal_decision' && (
        <p className="alert alert--info" data-testid="task-closed-by-decision">
          {t('grid.closedByAppealDecision')} <a href={reviewHash}>{t('grid.toAppeals')}</a>
        </p>
      )}
      {open && <OutcomeForm allowed={task.allowedOutcomes} onSubmit={onRecord} />}
    </article>
  );
}
