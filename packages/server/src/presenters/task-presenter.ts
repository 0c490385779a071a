import { allowedOutcomes, isOverdue, maskPhone, outcomeCodes, taskClosers, taskTypeById } from '@epigrid/core';
import type { TaskRecord } from '@epigrid/store';
import { z } from 'zod';

/** The contract's TaskView: only what the visit needs of the person (name, address, masked phone). */
export const taskViewSchema = z.object({
  id: z.number(),
  type: z.string(),
  titleKey: z.string(),
  status: z.enum(['open', 'done', 'cancelled', 'referred']),
  priority: z.number(),
  deadline: z.string(),
  createdAt: z.string(),
  overdue: z.boolean(),
  person: z
    .object({
      id: z.number(),
      name: z.string(),
      address: z.string().nullable(),
      phoneMasked: z.string().nullable(),
      location: z.object({ lat: z.number(), lng: z.number() }).nullable().describe("the home's location, for the pin on the grid map"),
    })
    .nullable(),
  homeRegion: z.object({ code: z.string(), name: z.string() }),
  assignedLevel: z.string(),
  assignee: z.object({ id: z.number(), name: z.string() }).nullable(),
  allowedOutcomes: z.array(z.enum(outcomeCodes)),
  closedBy: z.enum(taskClosers).describe("what closes the task: a worker's outcome, or deciding the appeal it reviews"),
  outcome: z.object({ code: z.enum(outcomeCodes), note: z.string().nullable(), recordedAt: z.string() }).nullable(),
});

/** A presented task. */
export type TaskView = z.infer<typeof taskViewSchema>;

const iso = (d: Date): string => new Date(d).toISOString();

/**
 * Presents a task: copies whitelisted fields, masks the phone, adds the type's title key and outcomes.
 * @param task - the stored task
 * @param now - current time (for `overdue`)
 */
export function presentTask(task: TaskRecord, now: Date): TaskView {
  const type = taskTypeById(task.type);
  return {
    id: task.id,
    type: task.type,
    titleKey: type?.titleKey ?? `task.${task.type}`,
    status: task.status,
    priority: task.priority,
    deadline: iso(task.deadline),
    createdAt: iso(task.createdAt),
    overdue: isOverdue(task.status, new Date(task.deadline), now),
    person:
      task.personId === null || task.personName === null
        ? null
        : {
            id: task.personId,
            name: task.personName,
            address: task.address,
            phoneMasked: task.phoneTail === null ? null : maskPhone(task.phoneTail),
            location: task.homeLat === null || task.homeLng === null ? null : { lat: Number(task.homeLat), lng: Number(task.homeLng) },
          },
    homeRegion: { code: task.homeRegionCode, name: task.homeRegionName },
    assignedLevel: task.assignedLevel,
    assignee: task.assigneeId === null ? null : { id: task.assigneeId, name: task.assigneeName ?? '' },
    allowedOutcomes: type === undefined ? [] : allowedOutcomes(type),
    closedBy: type?.closedBy ?? 'outcome',
    outcome:
      task.outcomeCode === null
        ? null
        : { code: task.outcomeCode as TaskView['allowedOutcomes'][number], note: task.outcomeNote, recordedAt: iso(task.outcomeRecordedAt!) },
  };
}
