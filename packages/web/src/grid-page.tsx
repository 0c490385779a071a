/**
 * The grid-worker app (`#/grid`), mobile first: the status line (online / offline, outcomes waiting),
 * the grid map, the task list by deadline with pushed tasks highlighted, and the task screen with the
 * outcome form. Outcomes go to the IndexedDB queue first and are sent from there; the queue is replayed
 * on start, on `online` and whenever the push stream (re)connects.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api-client.js';
import type { Me } from './api-client.js';
import { byDeadline, upsertTask } from './deadline.js';
import { ErrorMessage } from './error-message.js';
import { GridMap } from './grid-map.js';
import { gridHash, navigate } from './hash-route.js';
import { IdbOutcomeStore } from './idb-outcome-store.js';
import { OutcomeSync } from './outcome-queue.js';
import type { QueueSnapshot } from './outcome-queue.js';
import type { OutcomeDraft } from './outcome-form.js';
import { SyncStatus } from './sync-status.js';
import { fetchMyGrid, fetchTask, fetchTasks, postOutcome } from './task-api.js';
import { TaskList } from './task-list.js';
import { TaskScreen } from './task-screen.js';
import type { TaskView } from './task-types.js';
import { useAsync } from './use-async.js';
import { useNow } from './use-now.js';
import { useOnline } from './use-online.js';
import { useTaskStream } from './use-task-stream.js';

/** Props of {@link GridPage}. */
export interface GridPageProps {
  readonly me: Me;
  /** The task whose screen is open, or null for the list. */
  readonly taskId: number | null;
}

const freshMs = 6_000;
const emptyQueue: QueueSnapshot = { waiting: [], rejected: [] };

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'internal', String(error));
}

/** The grid-worker app. */
export function GridPage({ me, taskId }: GridPageProps): ReactElement {
  const { t } = useTranslation();
  const sync = useMemo(() => new OutcomeSync(new IdbOutcomeStore(), postOutcome, me.id), [me.id]);
  const [queue, setQueue] = useState<QueueSnapshot>(emptyQueue);
  const [tasks, setTasks] = useState<TaskView[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<number>>(new Set());
  const online = useOnline();
  const now = useNow(30_000);
  const [gridAttempt, setGridAttempt] = useState(0);
  const grid = useAsync(() => fetchMyGrid(), [gridAttempt]);

  const reload = useCallback(async (): Promise<void> => {
    try {
      const page = await fetchTasks({ view: 'mine', status: 'open', limit: 200 });
      const ids = new Set(page.tasks.map((task) => task.id));
      // Tasks closed in this session stay in view (at the bottom) until the page is left.
      setTasks((previous) => byDeadline([...page.tasks, ...(previous ?? []).filter((task) => task.status !== 'open' && !ids.has(task.id))]));
      setLoadError(null);
    } catch (error) {
      setLoadError(asApiError(error));
    }
  }, []);

  const pushed = useCallback((task: TaskView): void => {
    setTasks((previous) => upsertTask(previous ?? [], task));
    setFresh((previous) => new Set(previous).add(task.id));
    setTimeout(() => {
      setFresh((previous) => {
        const next = new Set(previous);
        next.delete(task.id);
        return next;
      });
    }, freshMs);
  }, []);

  const live = useTaskStream({
    onTask: pushed,
    onConnect: () => {
      void reload();
      void sync.replay();
    },
  });

  useEffect(() => {
    const stopQueue = sync.subscribe(setQueue);
    const stopSynced = sync.onSynced((task) => setTasks((previous) => upsertTask(previous ?? [], task)));
    void reload();
    void sync.replay();
    return () => {
      stopQueue();
      stopSynced();
    };
  }, [sync, reload]);

  // Back online: send what waits and refresh the list (the stream may take a few seconds to reconnect).
  useEffect(() => {
    if (!online) return;
    void sync.replay();
    void reload();
    setGridAttempt((attempt) => attempt + 1);
  }, [online, sync, reload]);

  const pendingIds = useMemo(() => new Set(queue.waiting.map((item) => item.taskId)), [queue]);
  const listed = taskId === null ? undefined : tasks?.find((task) => task.id === taskId);
  const single = useAsync(() => (taskId !== null && listed === undefined && tasks !== null ? fetchTask(taskId) : null), [taskId, listed === undefined, tasks !== null]);
  const current = listed ?? single.data;

  const record = async (task: TaskView, draft: OutcomeDraft): Promise<void> => {
    await sync.record(task.id, draft);
    navigate(gridHash);
  };

  return (
    <div className="gridapp" data-testid="grid-app">
      <SyncStatus online={online} live={live} queue={queue} onDiscard={(clientId) => void sync.discard(clientId)} />
      {taskId !== null ? (
        <>
          {current != null && <TaskScreen task={current} now={now} pending={pendingIds.has(current.id)} onRecord={(draft) => record(current, draft)} />}
          {current == null && single.error !== null && <ErrorMessage error={single.error} testId="task-error" />}
          {current == null && single.error === null && <p className="splash">{t('app.loading')}</p>}
        </>
      ) : (
        <>
          {grid.data !== null && <GridMap grid={grid.data} tasks={tasks ?? []} now={now} />}
          {grid.error !== null && grid.error.status !== 0 && <ErrorMessage error={grid.error} testId="grid-error" />}
          {loadError !== null && <ErrorMessage error={loadError} testId="tasks-error" />}
          {tasks !== null && <TaskList tasks={tasks} now={now} fresh={fresh} pending={pendingIds} />}
          {tasks === null && loadError === null && <p className="splash">{t('app.loading')}</p>}
        </>
      )}
    </div>
  );
}
