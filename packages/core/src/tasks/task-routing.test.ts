import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isWithinJurisdiction } from '../access/jurisdiction.js';
import { chooseWorker, pathAndAncestors, routeBatch, routeTask, routingStart, type RoutingWorker } from './task-routing.js';

const levels = ['province', 'city', 'county', 'town', 'community', 'grid'];

/** A region tree of paths p.c.kN.tN.mN.gN with the levels of the default hierarchy. */
const homeArb = fc.tuple(fc.nat(2), fc.nat(2), fc.nat(2), fc.nat(3)).map(([k, t, m, g]) => `p.c.k${k}.t${t}.m${m}.g${g}`);
const nodesArb = fc
  .array(fc.tuple(homeArb, fc.nat(5), fc.array(fc.nat(20), { maxLength: 3 })), { maxLength: 30 })
  .map((entries) => {
    const nodes = new Map<string, { level: string; workers: RoutingWorker[] }>();
    let nextUser = 1;
    for (const [home, up, loads] of entries) {
      const path = pathAndAncestors(home)[up]!;
      const node = nodes.get(path) ?? { level: levels[path.split('.').length - 1]!, workers: [] };
      for (const load of loads) node.workers.push({ userId: nextUser++, openTasks: load });
      nodes.set(path, node);
    }
    return nodes;
  });

function withAllNodes(nodes: Map<string, { level: string; workers: RoutingWorker[] }>, homes: readonly string[]): Map<string, { level: string; workers: RoutingWorker[] }> {
  const all = new Map(nodes);
  for (const home of homes) for (const p of pathAndAncestors(home)) if (!all.has(p)) all.set(p, { level: levels[p.split('.').length - 1]!, workers: [] });
  return all;
}

describe('task routing', () => {
  it('lists a path and its ancestors, the path first', () => {
    assert.deepEqual(pathAndAncestors('a.b.c'), ['a.b.c', 'a.b', 'a']);
  });

  it('goes to the grid worker when the grid has one', () => {
    const decision = routeTask([
      { path: 'p.c.g', level: 'grid', workers: [{ userId: 7, openTasks: 3 }], cursor: null },
      { path: 'p.c', level: 'community', workers: [{ userId: 9, openTasks: 0 }], cursor: null },
    ]);
    assert.deepEqual(decision, { regionPath: 'p.c.g', level: 'grid', assigneeUserId: 7 });
  });

  it('falls to the next level up when the grid has no worker', () => {
    const decision = routeTask([
      { path: 'p.c.g', level: 'grid', workers: [], cursor: null },
      { path: 'p.c', level: 'community', workers: [{ userId: 9, openTasks: 4 }], cursor: null },
    ]);
    assert.deepEqual(decision, { regionPath: 'p.c', level: 'community', assigneeUserId: 9 });
  });

  it('waits unassigned one level up when nobody anywhere can take it', () => {
    const decision = routeTask([
      { path: 'p.c.g', level: 'grid', workers: [], cursor: null },
      { path: 'p.c', level: 'community', workers: [], cursor: null },
      { path: 'p', level: 'province', workers: [], cursor: null },
    ]);
    assert.deepEqual(decision, { regionPath: 'p.c', level: 'community', assigneeUserId: null });
  });

  it('waits at the start node itself when routing starts at a named level', () => {
    const chain = [
      { path: 'p.c.k', level: 'county', workers: [], cursor: null },
      { path: 'p.c', level: 'city', workers: [], cursor: null },
    ];
    assert.deepEqual(routeTask(chain, true), { regionPath: 'p.c.k', level: 'county', assigneeUserId: null });
    assert.deepEqual(routeTask(chain), { regionPath: 'p.c', level: 'city', assigneeUserId: null });
  });

  it('starts at the ancestor of the named level, or at the home when none has it', () => {
    const levelOf = (p: string): string | undefined => levels[p.split('.').length - 1];
    assert.equal(routingStart('p.c.k0.t1.m2.g3', levelOf, 'county'), 'p.c.k0');
    assert.equal(routingStart('p.c.k0.t1.m2.g3', levelOf, null), 'p.c.k0.t1.m2.g3');
    assert.equal(routingStart('p.c.k0.t1.m2.g3', levelOf, 'district'), 'p.c.k0.t1.m2.g3');
    assert.equal(routingStart('p.c', levelOf, 'county'), 'p.c', 'a home above the level starts at the home');
  });

  it('property: a batch started at a level never goes below it, and waits there with nobody', () => {
    fc.assert(
      fc.property(nodesArb, fc.array(homeArb, { minLength: 1, maxLength: 30 }), (nodes, homes) => {
        const all = withAllNodes(nodes, homes);
        const starts = homes.map((h) => routingStart(h, (p) => all.get(p)?.level, 'county'));
        const { decisions } = routeBatch(starts, all, new Map(), true);
        decisions.forEach((d, i) => {
          assert.ok(isWithinJurisdiction(starts[i]!, d.regionPath), `${d.regionPath} is not the county ${starts[i]} or above it`);
          if (d.assigneeUserId === null) assert.equal(d.regionPath, starts[i]);
        });
      }),
    );
  });

  it('never assigns outside the home node and its ancestors, nor to a worker of another node', () => {
    fc.assert(
      fc.property(nodesArb, fc.array(homeArb, { minLength: 1, maxLength: 40 }), (nodes, homes) => {
        const all = withAllNodes(nodes, homes);
        const { decisions } = routeBatch(homes, all, new Map());
        decisions.forEach((d, i) => {
          assert.ok(isWithinJurisdiction(homes[i]!, d.regionPath), `${d.regionPath} is not an ancestor of ${homes[i]}`);
          if (d.assigneeUserId !== null) assert.ok(all.get(d.regionPath)!.workers.some((w) => w.userId === d.assigneeUserId));
          // No node below the chosen one had a worker.
          for (const p of pathAndAncestors(homes[i]!)) {
            if (p === d.regionPath) break;
            if (d.assigneeUserId !== null) assert.equal(all.get(p)!.workers.length, 0);
          }
        });
      }),
    );
  });

  it('is fair under equal load: n workers given k·n tasks get k each, in turn', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 6 }), fc.nat(20), (n, k, load) => {
        const workers = Array.from({ length: n }, (_, i) => ({ userId: 100 + i * 3, openTasks: load }));
        const nodes = new Map([['g', { level: 'grid', workers }]]);
        const { decisions } = routeBatch(Array.from({ length: n * k }, () => 'g'), nodes, new Map());
        const counts = new Map<number, number>();
        for (const d of decisions) counts.set(d.assigneeUserId!, (counts.get(d.assigneeUserId!) ?? 0) + 1);
        assert.deepEqual([...counts.values()], Array.from({ length: n }, () => k));
        // Consecutive tasks never go to the same worker when there are several.
        if (n > 1) for (let i = 1; i < decisions.length; i++) assert.notEqual(decisions[i]!.assigneeUserId, decisions[i - 1]!.assigneeUserId);
      }),
    );
  });

  it('prefers the least loaded worker', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { minLength: 1, maxLength: 10 }), fc.option(fc.nat(20), { nil: null }), (loads, cursor) => {
        const workers = loads.map((openTasks, i) => ({ userId: i + 1, openTasks }));
        const chosen = chooseWorker(workers, cursor);
        assert.equal(workers.find((w) => w.userId === chosen)!.openTasks, Math.min(...loads));
      }),
    );
  });

  it('evens out unequal loads over a batch before taking turns', () => {
    const nodes = new Map([['g', { level: 'grid', workers: [{ userId: 1, openTasks: 5 }, { userId: 2, openTasks: 0 }] }]]);
    const { decisions, cursors } = routeBatch(Array.from({ length: 7 }, () => 'g'), nodes, new Map());
    assert.deepEqual(decisions.map((d) => d.assigneeUserId), [2, 2, 2, 2, 2, 1, 2]);
    assert.equal(cursors.get('g'), 2);
  });

  it('continues the round robin from a stored cursor', () => {
    const workers = [1, 2, 3].map((userId) => ({ userId, openTasks: 0 }));
    assert.equal(chooseWorker(workers, 2), 3);
    assert.equal(chooseWorker(workers, 3), 1);
    assert.equal(chooseWorker(workers, null), 1);
  });
});
