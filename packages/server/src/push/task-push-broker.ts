import { isWithinJurisdiction, type Role } from '@epigrid/core';

/** One open event stream of a signed-in user. */
export interface PushSubscriber {
  readonly userId: number;
  readonly role: Role;
  /** The user's node; users other than grid workers also receive tasks placed anywhere under it. */
  readonly regionPath: string;
  /**
   * Writes one server-sent event.
   * @param event - event name
   * @param data - JSON text (one line)
   */
  send(event: string, data: string): void;
}

/** A task to deliver: where it is, who has it, and its presented JSON. */
export interface PushMessage {
  readonly assigneeUserId: number | null;
  readonly assignedRegionPath: string;
  /** The TaskView as JSON text, serialised once for every recipient. */
  readonly json: string;
}

/**
 * In-process broker of task pushes: user id → open streams. Routing, escalation and outcomes publish;
 * a task reaches its assignee and the region-level users (not other grid workers) above its node.
 */
export class TaskPushBroker {
  private readonly byUser = new Map<number, Set<PushSubscriber>>();
  private readonly regionWatchers = new Set<PushSubscriber>();

  /**
   * Adds a stream.
   * @param subscriber - the stream
   * @returns a function that removes it
   */
  subscribe(subscriber: PushSubscriber): () => void {
    const own = this.byUser.get(subscriber.userId) ?? new Set<PushSubscriber>();
    own.add(subscriber);
    this.byUser.set(subscriber.userId, own);
    if (subscriber.role !== 'grid_worker') this.regionWatchers.add(subscriber);
    return () => {
      own.delete(subscriber);
      if (own.size === 0) this.byUser.delete(subscriber.userId);
      this.regionWatchers.delete(subscriber);
    };
  }

  /** How many streams are open (for health and benchmarks). */
  get size(): number {
    let n = 0;
    for (const set of this.byUser.values()) n += set.size;
    return n;
  }

  /**
   * Delivers task events to everyone who should see them.
   * @param messages - tasks to deliver
   * @returns the user ids that received at least one event
   */
  publish(messages: readonly PushMessage[]): Set<number> {
    const reached = new Set<number>();
    for (const message of messages) {
      const recipients = new Set<PushSubscriber>();
      if (message.assigneeUserId !== null) for (const s of this.byUser.get(message.assigneeUserId) ?? []) recipients.add(s);
      for (const s of this.regionWatchers) if (isWithinJurisdiction(message.assignedRegionPath, s.regionPath)) recipients.add(s);
      for (const s of recipients) {
        s.send('task', message.json);
        reached.add(s.userId);
      }
    }
    return reached;
  }
}
