import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Role } from '@epigrid/core';
import { TaskPushBroker, type PushSubscriber } from './task-push-broker.js';

function stream(userId: number, role: Role, regionPath: string): PushSubscriber & { events: string[] } {
  const events: string[] = [];
  return { userId, role, regionPath, events, send: (event, data) => events.push(`${event}:${data}`) };
}

describe('task push broker', () => {
  it('delivers a task to its assignee and to region users above it, never to another grid worker', () => {
    const broker = new TaskPushBroker();
    const assignee = stream(1, 'grid_worker', 'p.c.g1');
    const neighbour = stream(2, 'grid_worker', 'p.c.g1');
    const community = stream(3, 'command_centre', 'p.c');
    const elsewhere = stream(4, 'command_centre', 'p.x');
    for (const s of [assignee, neighbour, community, elsewhere]) broker.subscribe(s);
    const reached = broker.publish([{ assigneeUserId: 1, assignedRegionPath: 'p.c.g1', json: '{"id":9}' }]);
    assert.deepEqual([...reached].sort(), [1, 3]);
    assert.deepEqual(assignee.events, ['task:{"id":9}']);
    assert.deepEqual(neighbour.events, []);
    assert.deepEqual(community.events, ['task:{"id":9}']);
    assert.deepEqual(elsewhere.events, []);
  });

  it('reaches every open stream of a user, and none after it closes', () => {
    const broker = new TaskPushBroker();
    const phone = stream(1, 'grid_worker', 'g');
    const tablet = stream(1, 'grid_worker', 'g');
    const closePhone = broker.subscribe(phone);
    broker.subscribe(tablet);
    assert.equal(broker.size, 2);
    closePhone();
    broker.publish([{ assigneeUserId: 1, assignedRegionPath: 'g', json: '{}' }]);
    assert.deepEqual(phone.events, []);
    assert.equal(tablet.events.length, 1);
    assert.equal(broker.size, 1);
  });
});
