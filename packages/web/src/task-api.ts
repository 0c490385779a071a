/**
 * The closed-loop task API: task lists, one task, outcomes, the worker's grid, progress, escalation
 * notices, isolation facilities, and the push stream URL.
 */
import { getToken, request } from './api-client.js';
import type { FacilityView, GridInfo, OutcomeInput, ProgressReport, TaskNoticePage, TaskPage, TaskView } from './task-types.js';

/** Parameters of a task list read. */
export interface TaskListQuery {
  /** `mine`: tasks assigned to me; `region`: my jurisdiction's tasks. */
  readonly view: 'mine' | 'region';
  readonly status: 'open' | 'done' | 'overdue';
  readonly limit: number;
  readonly cursor?: string | null;
}

/**
 * One page of tasks, sorted by deadline.
 * @param query - view, status filter and paging
 */
export function fetchTasks(query: TaskListQuery): Promise<TaskPage> {
  const params = new URLSearchParams({ view: query.view, status: query.status, limit: String(query.limit) });
  if (query.cursor !== undefined && query.cursor !== null) params.set('cursor', query.cursor);
  return request<TaskPage>(`/api/tasks?${params.toString()}`);
}

/**
 * One task.
 * @param id - task id
 */
export function fetchTask(id: number): Promise<TaskView> {
  return request<TaskView>(`/api/tasks/${encodeURIComponent(String(id))}`);
}

/**
 * Records an outcome; sending the same clientId again returns the first result and adds nothing.
 * @param taskId - task id
 * @param outcome - the outcome with its client UUID
 */
export async function postOutcome(taskId: number, outcome: OutcomeInput): Promise<TaskView> {
  const result = await request<{ task: TaskView }>(`/api/tasks/${encodeURIComponent(String(taskId))}/outcomes`, {
    method: 'POST',
    body: outcome,
  });
  return result.task;
}

/** The signed-in grid worker's grid with its polygon. */
export function fetchMyGrid(): Promise<GridInfo> {
  return request<GridInfo>('/api/grids/mine');
}

/**
 * Open, done-today and overdue tasks and the median time to control per child of a region.
 * @param regionCode - region code, or null for the user's own region
 */
export function fetchProgress(regionCode: string | null): Promise<ProgressReport> {
  const query = regionCode === null ? '' : `?region=${encodeURIComponent(regionCode)}`;
  return request<ProgressReport>(`/api/progress${query}`);
}

/** The URL of the task push stream (EventSource cannot send headers, so the token rides in the query), or null when signed out. */
export function taskStreamUrl(): string | null {
  const token = getToken();
  return token === null ? null : `/api/tasks/stream?token=${encodeURIComponent(token)}`;
}

/**
 * The escalation notices of the user's jurisdiction, newest first, with the unread count.
 * @param unreadOnly - only those nobody at the level has read
 * @param limit - at most this many
 */
export function fetchTaskNotices(unreadOnly: boolean, limit = 50): Promise<TaskNoticePage> {
  return request<TaskNoticePage>(`/api/task-notices?unread=${String(unreadOnly)}&limit=${limit}`);
}

/**
 * Marks notices read for the user's level.
 * @param ids - notice ids
 * @returns the ids marked now and the unread count after
 */
export function markTaskNoticesRead(ids: readonly number[]): Promise<{ marked: number[]; unread: number }> {
  return request<{ marked: number[]; unread: number }>('/api/task-notices/read', { method: 'POST', body: { ids } });
}

/** The isolation facilities serving the user's jurisdiction (a grid worker: those of the county). */
export async function fetchFacilities(): Promise<FacilityView[]> {
  return (await request<{ facilities: FacilityView[] }>('/api/facilities')).facilities;
}
