import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { OutcomeSync, isRetryable, replayQueue } from './outcome-queue.js';
import type { OutcomeQueueStore, QueuedOutcome } from './outcome-queue.js';
import type { OutcomeInput, TaskView } from './task-types.js';

/** The queue in a Map, as IndexedDB keeps it by clientId. */
class MapStore implements OutcomeQueueStore {
  readonly items = new Map<string, QueuedOutcome>();
  async put(item: QueuedOutcome): Promise<void> {
    this.items.set(item.clientId, structuredClone(item));
  }
  async all(): Promise<QueuedOutcome[]> {
    return [...this.items.values()].map((item) => structuredClone(item));
  }
  async remove(clientId: string): Promise<void> {
    this.items.delete(clientId);
  }
}

/** A server that keeps one outcome per clientId, can be taken offline, and refuses tasks it does not know. */
class FakeServer {
  readonly outcomes = new Map<string, { taskId: number; outcome: OutcomeInput }>();
  online = true;
  calls = 0;
  readonly knownTasks = new Set([1, 2, 3]);

  readonly send = async (taskId: number, outcome: OutcomeInput): Promise<TaskView> => {
    this.calls += 1;
    if (!this.online) throw Object.assign(new Error('offline'), { status: 0, code: 'network' });
    if (!this.knownTasks.has(taskId)) throw Object.assign(new Error('no such task'), { status: 404, code: 'task_not_found' });
    if (!this.outcomes.has(outcome.clientId)) this.outcomes.set(outcome.clientId, { taskId, outcome });
    return task(taskId, 'done');
  };
}

function task(id: number, status: TaskView['status']): TaskView {
  return {
    id,
    type: 'verify_close_contact',
    titleKey: 'tasks.verify_close_contact',
    status,
    priority: 1,
    deadline: '2026-01-01T00:00:00Z',
    createdAt: '2025-12-31T00:00:00Z',
    overdue: false,
    person: null,
    homeRegion: { code: 'g1', name: 'Grid 1' },
    assignedLevel: 'grid',
    assignee: null,
    allowedOutcomes: ['reached', 'not_home'],
    closedBy: 'outcome',
    outcome: null,
  };
}

function sync(store: MapStore, server: FakeServer, userId = 7): OutcomeSync {
  let n = 0;
  let clock = 1_000;
  return new OutcomeSync(store, server.send, userId, () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, () => clock++);
}

describe('offline outcome queue', () => {
  it('queues an outcome while offline and sends it once when back online', async () => {
    const store = new MapStore();
    const server = new FakeServer();
    const outcomes = sync(store, server);
    server.online = false;
    await outcomes.record(1, { code: 'reached', note: 'at home' });
    await outcomes.replay();
    assert.equal((await outcomes.snapshot()).waiting.length, 1, 'still waiting while offline');
    assert.equal(server.outcomes.size, 0);

    server.online = true;
    const synced: TaskView[] = [];
    outcomes.onSynced((t) => synced.push(t));
    await outcomes.replay();
    assert.equal((await outcomes.snapshot()).waiting.length, 0);
    assert.equal(server.outcomes.size, 1);
    assert.deepEqual(synced.map((t) => [t.id, t.status]), [[1, 'done']]);
  });

  it('an outcome replayed twice (the answer was lost) adds one outcome', async () => {
    const store = new MapStore();
    const server = new FakeServer();
    const item: QueuedOutcome = {
      clientId: '11111111-1111-4111-8111-111111111111',
      userId: 7,
      taskId: 2,
      outcome: { clientId: '11111111-1111-4111-8111-111111111111', code: 'tested', recordedAt: '2026-01-01T00:00:00Z' },
      queuedAt: 1,
      rejectedCode: null,
    };
    await store.put(item);
    await replayQueue(store, server.send, 7);
    await store.put(item); // the phone never saw the answer and still holds it
    await replayQueue(store, server.send, 7);
    assert.equal(server.calls, 2);
    assert.equal(server.outcomes.size, 1);
    assert.equal(store.items.size, 0);
  });

  it('concurrent replays (online event and stream reconnect at once) never overlap', async () => {
    const store = new MapStore();
    const server = new FakeServer();
    const outcomes = sync(store, server);
    server.online = false;
    await outcomes.record(1, { code: 'reached' });
    await outcomes.record(2, { code: 'not_home' });
    await outcomes.replay();
    server.online = true;
    const before = server.calls;
    await Promise.all([outcomes.replay(), outcomes.replay(), outcomes.replay()]);
    assert.equal(server.outcomes.size, 2);
    assert.equal(server.calls - before, 2, 'each waiting outcome is sent once');
  });

  it('sends oldest first and stops at the first network failure', async () => {
    const store = new MapStore();
    const server = new FakeServer();
    const order: number[] = [];
    let failAt = 2;
    const send = async (taskId: number, outcome: OutcomeInput): Promise<TaskView> => {
      order.push(taskId);
      if (--failAt === 0) throw Object.assign(new Error('timeout'), { status: 0 });
      return server.send(taskId, outcome);
    };
    for (const [taskId, queuedAt] of [[3, 30], [1, 10], [2, 20]] as const) {
      const clientId = `c${taskId}`;
      await store.put({ clientId, userId: 7, taskId, outcome: { clientId, code: 'reached', recordedAt: 'x' }, queuedAt, rejectedCode: null });
    }
    const result = await replayQueue(store, send, 7);
    assert.deepEqual(order, [1, 2]);
    assert.equal(result.stopped, true);
    assert.deepEqual([...store.items.keys()].sort(), ['c2', 'c3']);
  });

  it('keeps an outcome the server refused, marked, and does not resend it', async () => {
    const store = new MapStore();
    const server = new FakeServer();
    const outcomes = sync(store, server);
    await outcomes.record(99, { code: 'reached' });
    await outcomes.replay();
    const snapshot = await outcomes.snapshot();
    assert.equal(snapshot.waiting.length, 0);
    assert.deepEqual(snapshot.rejected.map((r) => [r.taskId, r.rejectedCode]), [[99, 'task_not_found']]);
    const calls = server.calls;
    await outcomes.replay();
    assert.equal(server.calls, calls);
    await outcomes.discard(snapshot.rejected[0]!.clientId);
    assert.equal(store.items.size, 0);
  });

  it("replays only the signed-in user's outcomes", async () => {
    const store = new MapStore();
    const server = new FakeServer();
    server.online = false;
    await sync(store, server, 7).record(1, { code: 'reached' });
    server.online = true;
    await sync(store, server, 8).replay();
    assert.equal(server.outcomes.size, 0);
    await sync(store, server, 7).replay();
    assert.equal(server.outcomes.size, 1);
  });

  it('retries network failures, timeouts, rate limits, server faults and lost sessions; not other refusals', () => {
    for (const status of [0, 401, 408, 429, 500, 503]) assert.equal(isRetryable({ status }), true, String(status));
    for (const status of [400, 403, 404, 409, 422]) assert.equal(isRetryable({ status }), false, String(status));
    assert.equal(isRetryable(new TypeError('Failed to fetch')), true);
  });

  it('property: any interleaving of connectivity and replays ends with exactly one outcome per recorded one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ online: fc.boolean(), record: fc.boolean(), replays: fc.integer({ min: 0, max: 2 }) }), { maxLength: 12 }), async (steps) => {
        const store = new MapStore();
        const server = new FakeServer();
        const outcomes = sync(store, server);
        let recorded = 0;
        for (const step of steps) {
          server.online = step.online;
          if (step.record) {
            await outcomes.record(1 + (recorded % 3), { code: 'reached' });
            recorded += 1;
          }
          await Promise.all(Array.from({ length: step.replays }, () => outcomes.replay()));
        }
        server.online = true;
        await outcomes.replay();
        await outcomes.replay();
        assert.equal(server.outcomes.size, recorded);
        assert.equal((await outcomes.snapshot()).waiting.length, 0);
      }),
      { numRuns: 60 },
    );
  });
});
