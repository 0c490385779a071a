/** The grid worker's tasks in working order, with a count of open and overdue ones. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { urgencyOf } from './deadline.js';
import { TaskCard } from './task-card.js';
import type { TaskView } from './task-types.js';

/** Props of {@link TaskList}. */
export interface TaskListProps {
  /** Tasks already in working order. */
  readonly tasks: readonly TaskView[];
  readonly now: number;
  /** Ids of tasks just pushed. */
  readonly fresh: ReadonlySet<number>;
  /** Ids of tasks whose outcome waits in the queue. */
  readonly pending: ReadonlySet<number>;
}

/** The list, or a note when there is nothing to do. */
export function TaskList({ tasks, now, fresh, pending }: TaskListProps): ReactElement {
  const { t } = useTranslation();
  const open = tasks.filter((task) => task.status === 'open' && !pending.has(task.id));
  const overdue = open.filter((task) => urgencyOf(task.deadline, now) === 'overdue').length;
  return (
    <section className="tasklist" aria-labelledby="tasklist-title">
      <h2 id="tasklist-title" className="tasklist__title">
        {t('grid.myTasks')}{' '}
        <span className="tasklist__counts" data-testid="task-counts" data-open={open.length} data-overdue={overdue}>
          {t('grid.counts', { open: open.length, overdue })}
        </span>
      </h2>
      {tasks.length === 0 ? (
        <p className="tasklist__empty muted" data-testid="task-empty">
          {t('grid.noTasks')}
        </p>
      ) : (
        <ul className="tasklist__items">
          {tasks.map((task) => (
            <TaskCard key={task.id} task={task} now={now} fresh={fresh.has(task.id)} pending={pending.has(task.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}
