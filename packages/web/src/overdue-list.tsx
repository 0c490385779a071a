/** Overdue work escalated to the user's own level: task type, person, home region, how long overdue. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from './deadline.js';
import type { TaskView } from './task-types.js';
import { useLanguage } from './use-language.js';
import { useNow } from './use-now.js';

/** Props of {@link OverdueList}. */
export interface OverdueListProps {
  readonly tasks: readonly TaskView[];
}

/** The list, or a note that nothing is overdue. */
export function OverdueList({ tasks }: OverdueListProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = useNow(60_000);
  if (tasks.length === 0) return <p className="muted" data-testid="overdue-empty">{t('progress.noOverdue')}</p>;
  return (
    <ul className="overdue" data-testid="overdue-list">
      {tasks.map((task) => (
        <li key={task.id} className="overdue__item" data-testid="overdue-task">
          <span className="overdue__type">{t(`taskTypes.${task.type}`, { defaultValue: task.type })}</span>
          <span>{task.person?.name ?? '—'}</span>
          <span className="muted">{task.homeRegion.name}</span>
          <span className="overdue__late">{t('grid.overdueBy', { duration: formatDuration(language, now - Date.parse(task.deadline)) })}</span>
        </li>
      ))}
    </ul>
  );
}
