/** The grid-worker app's status line: online or offline, push connected, outcomes waiting to sync, refused outcomes. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueSnapshot } from './outcome-queue.js';

/** Props of {@link SyncStatus}. */
export interface SyncStatusProps {
  readonly online: boolean;
  /** Whether the push stream is open. */
  readonly live: boolean;
  readonly queue: QueueSnapshot;
  /** Forgets a refused outcome. */
  readonly onDiscard: (clientId: string) => void;
}

/** One line saying whether the phone is online and what waits to be sent. */
export function SyncStatus({ online, live, queue, onDiscard }: SyncStatusProps): ReactElement {
  const { t } = useTranslation();
  const waiting = queue.waiting.length;
  return (
    <div className="syncstatus" data-testid="sync-status" data-online={online} data-live={live} data-waiting={waiting}>
      <p className={`syncstatus__line syncstatus__line--${online ? 'online' : 'offline'}`} role="status">
        <span className="syncstatus__dot" aria-hidden="true" />
        <span data-testid="sync-connection">{online ? t('grid.online') : t('grid.offline')}</span>
        <span aria-hidden="true">—</span>
        <span data-testid="sync-waiting">{waiting === 0 ? t('grid.allSynced') : t('grid.waiting', { count: waiting })}</span>
        {online && !live && <span className="syncstatus__live">{t('grid.reconnecting')}</span>}
      </p>
      {queue.rejected.map((item) => (
        <p key={item.clientId} className="alert alert--error syncstatus__rejected" role="alert" data-testid="sync-rejected">
          <span>{t('grid.rejected', { id: item.taskId, code: item.rejectedCode })}</span>
          <button type="button" className="button button--ghost" onClick={() => onDiscard(item.clientId)}>
            {t('grid.discard')}
          </button>
        </p>
      ))}
    </div>
  );
}
