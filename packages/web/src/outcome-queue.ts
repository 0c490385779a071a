/**
 * The offline outcome queue: an outcome is written to a durable store first, then sent. Replays (on
 * app start, on `online`, on stream reconnect) send queued outcomes oldest first and stop at the first
 * network failure; the server keeps one outcome per clientId, so sending one twice adds nothing.
 */
import type { OutcomeInput, TaskView } from './task-types.js';

/** An outcome waiting in the queue. */
export interface QueuedOutcome {
  /** The outcome's client UUID, also the queue key. */
  readonly clientId: string;
  /** Whose outcome it is: only that user's session replays it. */
  readonly userId: number;
  readonly taskId: number;
  readonly outcome: OutcomeInput;
  /** When it was queued (epoch ms), the replay order. */
  readonly queuedAt: number;
  /** Set when the server refused it for good (a stable error code): it is kept for the worker to see, never resent. */
  readonly rejectedCode: string | null;
}

/** Durable storage of the queue (IndexedDB in the browser; a Map in tests). */
export interface OutcomeQueueStore {
  put(item: QueuedOutcome): Promise<void>;
  all(): Promise<QueuedOutcome[]>;
  remove(clientId: string): Promise<void>;
}

/** Sends one outcome; rejects with an error carrying a numeric `status` (0 = unreachable) on failure. */
export type SendOutcome = (taskId: number, outcome: OutcomeInput) => Promise<TaskView>;

/** What one replay did. */
export interface ReplayResult {
  /** Tasks as the server returned them after each outcome it accepted. */
  readonly synced: readonly TaskView[];
  /** Outcomes the server refused for good in this replay. */
  readonly rejected: readonly QueuedOutcome[];
  /** True when a network or server failure stopped the replay with outcomes still waiting. */
  readonly stopped: boolean;
}

function statusOf(error: unknown): number {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : 0;
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'rejected';
}

/**
 * Whether a failed send should be tried again later: unreachable, timed out, rate limited, a server
 * fault, or signed out (the next session resends); any other 4xx is a final answer.
 * @param error - what the send rejected with
 */
export function isRetryable(error: unknown): boolean {
  const status = statusOf(error);
  return status === 0 || status === 401 || status === 408 || status === 429 || status >= 500;
}

/**
 * The outcomes a user still has to send, oldest first.
 * @param items - everything in the store
 * @param userId - the signed-in user
 */
export function waitingFor(items: readonly QueuedOutcome[], userId: number): QueuedOutcome[] {
  return items.filter((item) => item.userId === userId && item.rejectedCode === null).sort((a, b) => a.queuedAt - b.queuedAt);
}

/**
 * Sends a user's waiting outcomes oldest first; an accepted one leaves the queue, a refused one is
 * marked, and a retryable failure stops the replay (later ones would fail the same way).
 * @param store - the queue
 * @param send - sends one outcome
 * @param userId - the signed-in user
 */
export async function replayQueue(store: OutcomeQueueStore, send: SendOutcome, userId: number): Promise<ReplayResult> {
  const synced: TaskView[] = [];
  const rejected: QueuedOutcome[] = [];
  for (const item of waitingFor(await store.all(), userId)) {
    try {
      synced.push(await send(item.taskId, item.outcome));
      await store.remove(item.clientId);
    } catch (error) {
      if (isRetryable(error)) return { synced, rejected, stopped: true };
      const marked = { ...item, rejectedCode: codeOf(error) };
      await store.put(marked);
      rejected.push(marked);
    }
  }
  return { synced, rejected, stopped: false };
}

/** Queue state the UI shows. */
export interface QueueSnapshot {
  readonly waiting: readonly QueuedOutcome[];
  readonly rejected: readonly QueuedOutcome[];
}

/** One user's queue with replays that never overlap: a replay asked for while one runs runs once more after it. */
export class OutcomeSync {
  private running: Promise<void> | null = null;
  private again = false;
  private readonly listeners = new Set<(snapshot: QueueSnapshot) => void>();
  private readonly syncedListeners = new Set<(task: TaskView) => void>();

  /**
   * @param store - the durable queue
   * @param send - sends one outcome
   * @param userId - the signed-in user
   * @param newId - client UUIDs (crypto.randomUUID in the browser)
   * @param now - the clock, epoch ms
   */
  constructor(
    private readonly store: OutcomeQueueStore,
    private readonly send: SendOutcome,
    private readonly userId: number,
    private readonly newId: () => string = () => crypto.randomUUID(),
    private readonly now: () => number = () => Date.now(),
  ) {}

  /**
   * Listens to queue changes; the listener gets the current state at once.
   * @param listener - receives each new snapshot
   * @returns a function that stops listening
   */
  subscribe(listener: (snapshot: QueueSnapshot) => void): () => void {
    this.listeners.add(listener);
    void this.snapshot().then(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Listens to tasks the server returned after accepting a queued outcome.
   * @param listener - receives each updated task
   * @returns a function that stops listening
   */
  onSynced(listener: (task: TaskView) => void): () => void {
    this.syncedListeners.add(listener);
    return () => {
      this.syncedListeners.delete(listener);
    };
  }

  /** The user's waiting and refused outcomes. */
  async snapshot(): Promise<QueueSnapshot> {
    const mine = (await this.store.all()).filter((item) => item.userId === this.userId);
    return { waiting: waitingFor(mine, this.userId), rejected: mine.filter((item) => item.rejectedCode !== null) };
  }

  /**
   * Writes an outcome to the queue (durably, before any network), then starts a replay.
   * @param taskId - the task
   * @param outcome - the outcome without its client UUID and time, which are assigned here
   * @returns the queued outcome
   */
  async record(taskId: number, outcome: Omit<OutcomeInput, 'clientId' | 'recordedAt'>): Promise<QueuedOutcome> {
    const queuedAt = this.now();
    const clientId = this.newId();
    const queued: QueuedOutcome = {
      clientId,
      userId: this.userId,
      taskId,
      outcome: { ...outcome, clientId, recordedAt: new Date(queuedAt).toISOString() },
      queuedAt,
      rejectedCode: null,
    };
    await this.store.put(queued);
    await this.notify();
    void this.replay();
    return queued;
  }

  /**
   * Forgets a refused outcome the worker has seen.
   * @param clientId - the outcome's client UUID
   */
  async discard(clientId: string): Promise<void> {
    await this.store.remove(clientId);
    await this.notify();
  }

  /** Sends what is waiting; resolves when the queue is drained or a failure stopped it. */
  replay(): Promise<void> {
    if (this.running !== null) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        const result = await replayQueue(this.store, this.send, this.userId);
        for (const task of result.synced) for (const listener of this.syncedListeners) listener(task);
        await this.notify();
        if (result.stopped) break;
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async notify(): Promise<void> {
    const snapshot = await this.snapshot();
    for (const listener of this.listeners) listener(snapshot);
  }
}
