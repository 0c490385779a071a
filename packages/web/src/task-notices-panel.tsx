/**
 * Escalation notices of the progress view: work that climbed to the user's level or below it, newest
 * first, with the unread count as a badge; marking one read marks it for the whole level.
 */
import { useState } from 'react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from './deadline.js';
import { ErrorMessage } from './error-message.js';
import { badgeText } from './notice-badge.js';
import { fetchTaskNotices, markTaskNoticesRead } from './task-api.js';
import type { TaskNoticeView } from './task-types.js';
import { useAsync } from './use-async.js';
import { useLanguage } from './use-language.js';
import { useNow } from './use-now.js';

/** The notices section: heading with the badge, an unread filter, the list and "mark read". */
export function TaskNoticesPanel(): ReactElement {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notices = useAsync(() => fetchTaskNotices(onlyUnread), [version, onlyUnread]);
  const unread = notices.data?.unread ?? 0;
  const unreadShown = (notices.data?.notices ?? []).filter((n) => !n.read).map((n) => n.id);

  const markRead = async (ids: readonly number[]): Promise<void> => {
    setBusy(true);
    setProblem(null);
    try {
      await markTaskNoticesRead(ids);
      setVersion((v) => v + 1);
    } catch (caught) {
      setProblem(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="notices" data-testid="task-notices">
      <h3 className="progress__subtitle">
        {t('notices.title')}{' '}
        {badgeText(unread) !== '' && (
          <span className="badge badge--count" data-testid="notice-badge" aria-label={t('notices.unread', { count: unread })}>
            {badgeText(unread)}
          </span>
        )}
      </h3>
      <div className="notices__bar">
        <label className="notices__filter">
          <input type="checkbox" checked={onlyUnread} onChange={(event) => setOnlyUnread(event.target.checked)} data-testid="notice-unread-only" />
          {t('notices.onlyUnread')}
        </label>
        {unreadShown.length > 0 && (
          <button type="button" className="button" disabled={busy} onClick={() => void markRead(unreadShown)} data-testid="notice-mark-all">
            {t('notices.markAllRead')}
          </button>
        )}
      </div>
      {notices.error !== null && <ErrorMessage error={notices.error} testId="notices-error" />}
      {problem !== null && (
        <p className="alert alert--error" role="alert">
          {problem}
        </p>
      )}
      {notices.data !== null &&
        (notices.data.notices.length === 0 ? (
          <p className="muted" data-testid="notices-empty">
            {t(onlyUnread ? 'notices.noneUnread' : 'notices.none')}
          </p>
        ) : (
          <ul className="notices__list" data-testid="notice-list">
            {notices.data.notices.map((notice) => (
              <NoticeItem key={notice.id} notice={notice} busy={busy} onRead={() => void markRead([notice.id])} />
            ))}
          </ul>
        ))}
    </section>
  );
}

/** Props of {@link NoticeItem}. */
interface NoticeItemProps {
  readonly notice: TaskNoticeView;
  readonly busy: boolean;
  readonly onRead: () => void;
}

/** One notice: the task, the person, where it climbed to and when, and a "mark read" button while unread. */
function NoticeItem({ notice, busy, onRead }: NoticeItemProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = useNow(60_000);
  const task = notice.task;
  const age = now - Date.parse(notice.createdAt);
  return (
    <li className={`notices__item${notice.read ? '' : ' notices__item--unread'}`} data-testid="notice" data-read={notice.read}>
      <span className="overdue__type">{t(`taskTypes.${task.type}`, { defaultValue: task.type })}</span>
      <span>{task.personName ?? '—'}</span>
      <span className="muted">{task.homeRegion.name}</span>
      <span>
        {t('notices.climbed', {
          region: notice.region.name,
          level: t(`levels.${notice.region.level}`, { defaultValue: notice.region.level }),
          count: task.escalations,
        })}
      </span>
      <span className="muted">{age < 60_000 ? t('notices.justNow') : t('notices.ago', { duration: formatDuration(language, age) })}</span>
      {task.status === 'open' ? (
        task.overdue && <span className="overdue__late">{t('grid.overdueBy', { duration: formatDuration(language, now - Date.parse(task.deadline)) })}</span>
      ) : (
        <span className="muted">{t(`taskStatus.${task.status}`)}</span>
      )}
      {!notice.read && (
        <button type="button" className="button notices__read" disabled={busy} onClick={onRead} data-testid="notice-mark-read">
          {t('notices.markRead')}
        </button>
      )}
    </li>
  );
}
