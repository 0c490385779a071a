import { DomainError, type Actor } from '@epigrid/core';
import { getTasks, locateTask } from '@epigrid/store';
import type { Services } from '../services.js';

/**
 * The people of tasks in the actor's jurisdiction, in the order of the ids given (tasks without a
 * person are skipped).
 * @param services - application services
 * @param actor - the reader
 * @param taskIds - task ids
 * @throws DomainError not_found or outside_jurisdiction naming the first task that is not readable
 */
export async function personIdsOfTasks(services: Services, actor: Actor, taskIds: readonly number[]): Promise<number[]> {
  const tasks = new Map((await getTasks(services.db, actor.regionPath, taskIds)).map((t) => [t.id, t]));
  const people: number[] = [];
  for (const id of taskIds) {
    const task = tasks.get(id);
    if (task === undefined) {
      if ((await locateTask(services.db, id)) === null) throw new DomainError('not_found', { taskId: id });
      throw new DomainError('outside_jurisdiction', { taskId: id });
    }
    if (task.personId !== null) people.push(task.personId);
  }
  return people;
}
