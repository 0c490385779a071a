import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { testBackends, type SqlClient } from '@epigrid/store';
import { buildTaskFixture, type TaskFixture } from '../testing/task-fixture.js';
import { generateTasks } from '../use-cases/generate-tasks.js';

/** An open event stream and the events read from it so far. */
interface OpenStream {
  readonly status: number;
  readonly contentType: string;
  readonly events: Array<{ event: string; data: string }>;
  close(): void;
}

async function openStream(port: number, token: string): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: `/api/tasks/stream?token=${encodeURIComponent(token)}` }, (res: IncomingMessage) => {
      const events: Array<{ event: string; data: string }> = [];
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event !== undefined && data !== undefined) events.push({ event, data });
        }
      });
      resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type']), events, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}

for (const backend of testBackends()) {
  describe(`task push over server-sent events on ${backend.name}`, () => {
    let db: SqlClient;
    let fx: TaskFixture;
    let port: number;

    before(async () => {
      db = await backend.open();
      fx = await buildTaskFixture(db);
      await fx.app.listen({ host: '127.0.0.1', port: 0 });
      port = (fx.app.server.address() as AddressInfo).port;
    });
    after(async () => {
      await fx.app.close();
      await db.close();
    });

    it('refuses a stream without a valid token', async () => {
      const res = await openStream(port, 'not-a-token');
      assert.equal(res.status, 401);
      res.close();
    });

    it('delivers a routed task to its assignee only, as a TaskView', async () => {
      const a = await openStream(port, await fx.signIn(fx.workers.gridA.username));
      const b = await openStream(port, await fx.signIn(fx.workers.gridB.username));
      const community = await openStream(port, await fx.signIn(fx.workers.community.username));
      try {
        assert.equal(a.status, 200);
        assert.match(a.contentType, /^text\/event-stream/);
        assert.ok(await until(() => fx.services.push.size === 3, 2000), 'all three streams subscribed');
        // One contact in grid A1g1 (two workers: one gets it) and one in A1g2 (the community worker).
        await fx.traceContact(fx.jurisdiction.people[1]!.id, 'close');
        await fx.traceContact(fx.jurisdiction.people[2]!.id, 'close');
        const report = await generateTasks(fx.services);
        assert.equal(report.routed, 2);
        const routed = await db.query<{ id: string; assignee: string }>('SELECT id, assignee_user_id AS assignee FROM task ORDER BY id');
        const gridTask = routed.rows.find((r) => Number(r.assignee) !== fx.workers.community.id)!;
        const [holder, other] = Number(gridTask.assignee) === fx.workers.gridA.id ? [a, b] : [b, a];
        assert.ok(await until(() => holder!.events.length === 1 && community.events.length === 1, 2000), 'pushed within 2 s');
        const view = JSON.parse(holder!.events[0]!.data) as { id: number; person: { phoneMasked: string }; assignee: { id: number } };
        assert.equal(holder!.events[0]!.event, 'task');
        assert.equal(view.id, Number(gridTask.id));
        assert.match(view.person.phoneMasked, /^\*+\d{4}$/);
        await new Promise((r) => setTimeout(r, 200));
        assert.deepEqual(other!.events, [], 'the other grid worker of the same grid gets nothing');
        assert.equal(community.events.length, 1, 'the community worker gets only the task routed to them');
      } finally {
        for (const s of [a, b, community]) s.close();
      }
      assert.ok(await until(() => fx.services.push.size === 0, 2000), 'closed streams are removed');
    });
  });
}
