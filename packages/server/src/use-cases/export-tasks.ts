import { can, DomainError, type Actor } from '@epigrid/core';
import { listTasks, type TaskRecord } from '@epigrid/store';
import type { Services } from '../services.js';
import { recordAudit } from './record-audit.js';

/** Tasks read from the database per page while exporting: memory holds one page, whatever the total. */
export const EXPORT_PAGE_SIZE = 500;

/** Which tasks to export: the filters of the task list. */
export interface TaskExportQuery {
  readonly view: 'mine' | 'region';
  readonly status: 'open' | 'done' | 'overdue';
  readonly format: 'csv' | 'xlsx';
}

/**
 * Checks and audits an export of a task list, then returns its tasks as pages read lazily by
 * deadline (keyset paging), scoped to the actor's jurisdiction like the list itself.
 * @param services - application services
 * @param actor - who exports
 * @param query - view, status, format
 * @throws DomainError forbidden
 */
export async function exportTasks(services: Services, actor: Actor, query: TaskExportQuery): Promise<AsyncGenerator<TaskRecord[]>> {
  const audit = { actor, action: 'task.export', purpose: 'supervision', subject: null } as const;
  if (!can(actor, 'task.export')) {
    await recordAudit(services, { ...audit, outcome: 'refused', details: { reason: 'forbidden', ...query } });
    throw new DomainError('forbidden', { ability: 'task.export' });
  }
  await recordAudit(services, { ...audit, outcome: 'allowed', details: { ...query, scope: actor.regionPath } });
  const now = services.now();
  return (async function* pages(): AsyncGenerator<TaskRecord[]> {
    let after: { deadline: Date; id: number } | null = null;
    for (;;) {
      const page = await listTasks(services.db, {
        scope: actor.regionPath,
        assigneeUserId: query.view === 'mine' ? actor.userId : null,
        status: query.status,
        now,
        limit: EXPORT_PAGE_SIZE,
        after,
      });
      if (page.length > 0) yield page;
      if (page.length < EXPORT_PAGE_SIZE) return;
      const last = page[page.length - 1]!;
      after = { deadline: new Date(last.deadline), id: last.id };
    }
  })();
}
