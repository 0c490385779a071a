import { can, DomainError, type Actor } from '@epigrid/core';
import { countUnreadTaskNotices, listTaskNotices, markTaskNoticesRead, type TaskNoticeRecord } from '@epigrid/store';
import type { Services } from '../services.js';
import { recordAudit } from './record-audit.js';

/** Which notices a user asks for. */
export interface TaskNoticeQuery {
  readonly unreadOnly: boolean;
  readonly limit: number;
  /** Opaque cursor from the previous page. */
  readonly cursor: string | null;
}

/** One page of notices, the jurisdiction's unread count (the badge) and the next page's cursor. */
export interface TaskNoticePage {
  readonly notices: TaskNoticeRecord[];
  readonly unread: number;
  readonly next: string | null;
}

function encodeCursor(notice: Pick<TaskNoticeRecord, 'createdAt' | 'id'>): string {
  return Buffer.from(`${new Date(notice.createdAt).toISOString()}|${notice.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: number } {
  const [time, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(time ?? '');
  const noticeId = Number(id);
  if (Number.isNaN(createdAt.getTime()) || !Number.isInteger(noticeId)) throw new DomainError('validation_failed', { field: 'cursor', reason: 'not a cursor from this API' });
  return { createdAt, id: noticeId };
}

async function refuse(services: Services, actor: Actor, action: string): Promise<never> {
  await recordAudit(services, { actor, action, purpose: 'supervision', subject: null, outcome: 'refused', details: { reason: 'forbidden' } });
  throw new DomainError('forbidden', { ability: 'task.notice.read' });
}

/**
 * Lists the escalation notices addressed inside the user's jurisdiction, newest first, with the
 * unread count; the persons named are audited like any task list.
 * @param services - application services
 * @param actor - the reader
 * @param query - unread only, page
 */
export async function listTaskNoticesForActor(services: Services, actor: Actor, query: TaskNoticeQuery): Promise<TaskNoticePage> {
  if (!can(actor, 'task.notice.read')) return refuse(services, actor, 'task.notice.list');
  const notices = await listTaskNotices(services.db, {
    scope: actor.regionPath,
    unreadOnly: query.unreadOnly,
    limit: query.limit,
    before: query.cursor === null ? null : decodeCursor(query.cursor),
  });
  const unread = await countUnreadTaskNotices(services.db, actor.regionPath);
  const persons = [...new Set(notices.flatMap((n) => (n.personId === null ? [] : [n.personId])))];
  if (notices.length > 0) {
    await recordAudit(services, {
      actor,
      action: 'task.notice.list',
      purpose: 'supervision',
      subject: null,
      outcome: 'allowed',
      details: { notices: notices.map((n) => n.id), tasks: notices.map((n) => n.taskId), persons },
    });
  }
  return { notices, unread, next: notices.length === query.limit ? encodeCursor(notices[notices.length - 1]!) : null };
}

/**
 * Marks notices read for the user's level (the first reader marks them for all its users); notices
 * outside the jurisdiction or already read are left alone. Audited with the notices marked.
 * @param services - application services
 * @param actor - the reader
 * @param ids - notice ids
 * @returns the ids marked now and the unread count after
 */
export async function markTaskNoticesReadForActor(services: Services, actor: Actor, ids: readonly number[]): Promise<{ marked: number[]; unread: number }> {
  if (!can(actor, 'task.notice.read')) return refuse(services, actor, 'task.notice.mark_read');
  const marked = await markTaskNoticesRead(services.db, actor.regionPath, ids, actor.userId, services.now());
  await recordAudit(services, {
    actor,
    action: 'task.notice.mark_read',
    purpose: 'supervision',
    subject: null,
    outcome: 'allowed',
    details: { asked: ids.length, notices: marked.map((m) => m.id), tasks: marked.map((m) => m.taskId) },
  });
  return { marked: marked.map((m) => m.id), unread: await countUnreadTaskNotices(services.db, actor.regionPath) };
}
