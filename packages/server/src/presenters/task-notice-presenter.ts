import { isOverdue, taskTypeById } from '@epigrid/core';
import type { TaskNoticeRecord } from '@epigrid/store';
import { z } from 'zod';

const iso = (d: Date | string): string => new Date(d).toISOString();

/** An escalation notice: where it is addressed and the task that climbed (the person's name only). */
export const taskNoticeSchema = z.object({
  id: z.number(),
  kind: z.enum(['escalated']),
  createdAt: z.string(),
  read: z.boolean(),
  readAt: z.string().nullable(),
  region: z.object({ code: z.string(), name: z.string(), level: z.string() }).describe('the level the task climbed to'),
  task: z.object({
    id: z.number(),
    type: z.string(),
    titleKey: z.string(),
    status: z.enum(['open', 'done', 'cancelled', 'referred']),
    deadline: z.string(),
    overdue: z.boolean(),
    escalations: z.number(),
    assignedLevel: z.string(),
    assignee: z.string().nullable(),
    personName: z.string().nullable(),
    homeRegion: z.object({ code: z.string(), name: z.string() }),
  }),
});

/** A presented notice. */
export type TaskNoticeView = z.infer<typeof taskNoticeSchema>;

/**
 * Presents a notice (whitelist: no phone, no address, no identifiers).
 * @param notice - the stored notice
 * @param now - current time (for `overdue`)
 */
export function presentTaskNotice(notice: TaskNoticeRecord, now: Date): TaskNoticeView {
  return {
    id: notice.id,
    kind: notice.kind,
    createdAt: iso(notice.createdAt),
    read: notice.readAt !== null,
    readAt: notice.readAt === null ? null : iso(notice.readAt),
    region: { code: notice.regionCode, name: notice.regionName, level: notice.regionLevel },
    task: {
      id: notice.taskId,
      type: notice.taskType,
      titleKey: taskTypeById(notice.taskType)?.titleKey ?? `task.${notice.taskType}`,
      status: notice.taskStatus,
      deadline: iso(notice.taskDeadline),
      overdue: isOverdue(notice.taskStatus, new Date(notice.taskDeadline), now),
      escalations: notice.taskEscalations,
      assignedLevel: notice.assignedLevel,
      assignee: notice.assigneeName,
      personName: notice.personName,
      homeRegion: { code: notice.homeRegionCode, name: notice.homeRegionName },
    },
  };
}
