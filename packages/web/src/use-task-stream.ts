/**
 * The task push stream: an EventSource on `/api/tasks/stream`, each `task` event handed to the caller.
 * The browser retries a dropped stream by itself; when it gives up (the stream closed with an error)
 * this hook opens a new one after a growing delay, and calls `onConnect` on every (re)connection so the
 * caller can reload what it may have missed and replay queued outcomes.
 */
import { useEffect, useRef, useState } from 'react';
import { reconnectDelayMs } from './stream-backoff.js';
import { taskStreamUrl } from './task-api.js';
import type { TaskView } from './task-types.js';

/** Callbacks of {@link useTaskStream}. */
export interface TaskStreamHandlers {
  /** A task was assigned to or updated for this user. */
  readonly onTask: (task: TaskView) => void;
  /** The stream is (again) open. */
  readonly onConnect: () => void;
}

/**
 * Keeps the push stream open while mounted.
 * @param handlers - called with pushed tasks and on each connection
 * @returns whether the stream is open now
 */
export function useTaskStream(handlers: TaskStreamHandlers): boolean {
  const [connected, setConnected] = useState(false);
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let attempt = 0;
    let stopped = false;

    const open = (): void => {
      const url = taskStreamUrl();
      if (url === null || stopped) return;
      source = new EventSource(url);
      source.addEventListener('open', () => {
        attempt = 0;
        setConnected(true);
        latest.current.onConnect();
      });
      source.addEventListener('task', (event) => {
        try {
          latest.current.onTask(JSON.parse((event as MessageEvent<string>).data) as TaskView);
        } catch {
          // A malformed event is dropped; the next reload of the list corrects the view.
        }
      });
      source.addEventListener('error', () => {
        setConnected(false);
        if (source?.readyState !== EventSource.CLOSED) return; // the browser is retrying by itself
        source.close();
        timer = setTimeout(open, reconnectDelayMs(attempt++, Math.random()));
      });
    };

    const reconnectNow = (): void => {
      if (source !== null && source.readyState !== EventSource.CLOSED) return;
      if (timer !== null) clearTimeout(timer);
      attempt = 0;
      open();
    };

    open();
    window.addEventListener('online', reconnectNow);
    return () => {
      stopped = true;
      window.removeEventListener('online', reconnectNow);
      if (timer !== null) clearTimeout(timer);
      source?.close();
    };
  }, []);
  return connected;
}
