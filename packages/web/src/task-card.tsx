/** One task in the grid worker's list: type, time left (colour-coded), person, address, phone and deadline. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { timeLeft } from './deadline.js';
import { formatTimestamp } from './format.js';
import { gridTaskHash } from './hash-route.js';
import { PhoneCallLink } from './phone-call-link.js';
import type { TaskView } from './task-types.js';
import { useLanguage } from './use-language.js';

/** Props of {@link TaskCard}. */
export interface TaskCardProps {
  readonly task: TaskView;
  readonly now: number;
  /** Just pushed: shown with a short highlight. */
  readonly fresh: boolean;
  /** An outcome for it waits in the phone's queue. */
  readonly pending: boolean;
}

/** A task card linking to the task screen. */
export function TaskCard({ task, now, fresh, pending }: TaskCardProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const open = task.status === 'open' && !pending;
  const left = timeLeft(language, task.deadline, now);
  const tone = open ? left.urgency : 'closed';
  return (
    <li
      className={`taskcard taskcard--${tone}${fresh ? ' taskcard--fresh' : ''}`}
      data-testid="task-card"
      data-task-id={task.id}
      data-urgency={tone}
      data-pending={pending}
    >
      <a className="taskcard__link" href={gridTaskHash(task.id)}>
        <span className="taskcard__top">
          <span className="taskcard__type" data-testid="task-type">
            {t(`taskTypes.${task.type}`, { defaultValue: task.type })}
          </span>
          <span className="taskcard__due" data-testid="task-due">
            {pending && t('grid.pendingSync')}
            {!pending && task.status !== 'open' && t(`taskStatus.${task.status}`)}
            {open && (left.urgency === 'overdue' ? t('grid.overdueBy', { duration: left.duration }) : t('grid.timeLeft', { duration: left.duration }))}
          </span>
        </span>
        <span className="taskcard__person" data-testid="task-person">
          {task.person?.name ?? task.homeRegion.name}
        </span>
        {task.person?.address != null && <span className="taskcard__address">{task.person.address}</span>}
      </a>
      <span className="taskcard__foot">
        {task.person?.phoneMasked != null && <PhoneCallLink personId={task.person.id} phoneMasked={task.person.phoneMasked} />}
        <span className="taskcard__deadline">
          {t('grid.deadline')} <time dateTime={task.deadline}>{formatTimestamp(task.deadline)}</time>
        </span>
      </span>
    </li>
  );
}
