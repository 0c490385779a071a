/**
 * The progress view (`#/progress`) for command, county and town users: for each child region the open
 * tasks, those done today, the overdue ones and the median hours to control, drilling down to the
 * grids; below, the escalation notices of the user's jurisdiction (with the unread badge) and the
 * overdue work escalated to the user's own level.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { TaskExportButtons } from './bulk-actions.js';
import { ErrorMessage } from './error-message.js';
import { progressHash } from './hash-route.js';
import { OverdueList } from './overdue-list.js';
import { ProgressTable } from './progress-table.js';
import { fetchProgress, fetchTasks } from './task-api.js';
import { TaskNoticesPanel } from './task-notices-panel.js';
import { useAsync } from './use-async.js';

/** Props of {@link ProgressPage}. */
export interface ProgressPageProps {
  /** Region codes drilled through from the user's own region; the last is shown, none = the user's region. */
  readonly trail: readonly string[];
  /** Whether the user reads escalation notices (their level receives them). */
  readonly showNotices: boolean;
}

/** Names of regions seen in earlier reports, for the breadcrumb. */
const knownNames = new Map<string, string>();

/** The progress page. */
export function ProgressPage({ trail, showNotices }: ProgressPageProps): ReactElement {
  const { t } = useTranslation();
  const code = trail.at(-1) ?? null;
  const report = useAsync(() => fetchProgress(code), [code]);
  const overdue = useAsync(() => fetchTasks({ view: 'mine', status: 'overdue', limit: 50 }), []);
  if (report.data !== null) {
    knownNames.set(report.data.region.code, report.data.region.name);
    for (const row of report.data.children) knownNames.set(row.code, row.name);
  }
  return (
    <section className="progress panel" data-testid="progress-page">
      <nav className="progress__trail" aria-label={t('progress.trail')}>
        <a href={progressHash([])}>{t('progress.myRegion')}</a>
        {trail.map((step, index) => (
          <span key={step}>
            {' › '}
            <a href={progressHash(trail.slice(0, index + 1))} aria-current={index === trail.length - 1 ? 'page' : undefined}>
              {knownNames.get(step) ?? step}
            </a>
          </span>
        ))}
      </nav>
      <h2 className="progress__title" data-testid="progress-region">
        {report.data === null ? t('progress.title') : t('progress.titleOf', { name: report.data.region.name })}
      </h2>
      {report.error !== null && <ErrorMessage error={report.error} testId="progress-error" />}
      {report.loading && report.data === null && <p className="muted">{t('app.loading')}</p>}
      {report.data !== null && <ProgressTable regionCode={report.data.region.code} rows={report.data.children} trail={trail} />}
      <TaskExportButtons view="region" status="open" />
      {showNotices && <TaskNoticesPanel />}
      <h3 className="progress__subtitle">{t('progress.overdueTitle')}</h3>
      {overdue.error !== null && <ErrorMessage error={overdue.error} testId="overdue-error" />}
      {overdue.data !== null && <OverdueList tasks={overdue.data.tasks} />}
    </section>
  );
}
