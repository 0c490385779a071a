/** A worker who may receive tasks at one region node, with their current open-task count. */
export interface RoutingWorker {
  readonly userId: number;
  readonly openTasks: number;
}

/** One node on the way up from a person's home: its path, level and the workers there. */
export interface RoutingLevel {
  readonly path: string;
  readonly level: string;
  /** Workers at exactly this node (not below it). */
  readonly workers: readonly RoutingWorker[];
  /** The user id last given a task at this node (round-robin cursor), or null. */
  readonly cursor: number | null;
}

/** Where a task goes. */
export interface RoutingDecision {
  readonly regionPath: string;
  readonly level: string;
  /** Null when no level has a worker: the task waits at the top node for anyone there. */
  readonly assigneeUserId: number | null;
}

/**
 * Picks a worker: the least loaded; among equally loaded ones, the next after the round-robin
 * cursor in user-id order, so equal loads are served in turn.
 * @param workers - candidates (non-empty)
 * @param cursor - user id last given a task here, or null
 */
export function chooseWorker(workers: readonly RoutingWorker[], cursor: number | null): number {
  if (workers.length === 0) throw new Error('chooseWorker needs at least one worker');
  const least = Math.min(...workers.map((w) => w.openTasks));
  const ids = workers
    .filter((w) => w.openTasks === least)
    .map((w) => w.userId)
    .sort((a, b) => a - b);
  if (cursor === null) return ids[0]!;
  return ids.find((id) => id > cursor) ?? ids[0]!;
}

/**
 * Routes one task: to the first level, from the start node up, that has a worker. With no worker
 * anywhere it waits, unassigned, one level above the home node, where that level's users see it —
 * or at the start node itself when routing starts at a named level (a reviewer's task waits there).
 * @param chain - the start node (the home) first, then each ancestor up to the root
 * @param waitAtStart - with nobody anywhere, wait at the start node rather than one level above
 */
export function routeTask(chain: readonly RoutingLevel[], waitAtStart = false): RoutingDecision {
  if (chain.length === 0) throw new Error('routeTask needs the home node');
  for (const level of chain) {
    if (level.workers.length > 0) return { regionPath: level.path, level: level.level, assigneeUserId: chooseWorker(level.workers, level.cursor) };
  }
  const wait = waitAtStart ? chain[0]! : (chain[1] ?? chain[0]!);
  return { regionPath: wait.path, level: wait.level, assigneeUserId: null };
}

/**
 * The ancestors of an ltree path, the path itself first, the root last.
 * @param path - e.g. `a.b.c`
 */
export function pathAndAncestors(path: string): string[] {
  const labels = path.split('.');
  const out: string[] = [];
  for (let n = labels.length; n >= 1; n--) out.push(labels.slice(0, n).join('.'));
  return out;
}

/**
 * The node routing starts from: the ancestor of the home (or the home) at a level, or the home when
 * no level is named or none on the way up has it.
 * @param home - the person's home path
 * @param levelOf - level of a known node by path
 * @param fromLevel - the level routing starts at, or null for the home
 */
export function routingStart(home: string, levelOf: (path: string) => string | undefined, fromLevel: string | null): string {
  if (fromLevel === null) return home;
  return pathAndAncestors(home).find((p) => levelOf(p) === fromLevel) ?? home;
}

/**
 * Routes many tasks in one pass, updating loads and cursors as it goes so a batch spreads over the
 * workers exactly as one-by-one routing would.
 * @param homes - each task's start path (its home, or the ancestor routing starts at), in routing order
 * @param nodes - every node on the way up from those homes, by path (level and workers)
 * @param cursors - round-robin cursors by node path
 * @param waitAtStart - with nobody anywhere, a task waits at its start node (see {@link routeTask})
 * @returns one decision per home, and the cursors after the batch
 */
export function routeBatch(
  homes: readonly string[],
  nodes: ReadonlyMap<string, { level: string; workers: readonly RoutingWorker[] }>,
  cursors: ReadonlyMap<string, number>,
  waitAtStart = false,
): { decisions: RoutingDecision[]; cursors: Map<string, number> } {
  const loads = new Map<string, RoutingWorker[]>();
  for (const [path, node] of nodes) loads.set(path, node.workers.map((w) => ({ ...w })));
  const nextCursors = new Map(cursors);
  const decisions = homes.map((home) => {
    const chain: RoutingLevel[] = pathAndAncestors(home)
      .filter((p) => nodes.has(p))
      .map((p) => ({ path: p, level: nodes.get(p)!.level, workers: loads.get(p)!, cursor: nextCursors.get(p) ?? null }));
    if (chain.length === 0) throw new Error(`no region node known for home ${home}`);
    const decision = routeTask(chain, waitAtStart);
    if (decision.assigneeUserId !== null) {
      nextCursors.set(decision.regionPath, decision.assigneeUserId);
      const workers = loads.get(decision.regionPath)!;
      const i = workers.findIndex((w) => w.userId === decision.assigneeUserId);
      workers[i] = { userId: workers[i]!.userId, openTasks: workers[i]!.openTasks + 1 };
    }
    return decision;
  });
  return { decisions, cursors: nextCursors };
}
