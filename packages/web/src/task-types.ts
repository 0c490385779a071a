/**
 * Shapes of the closed-loop task API as the web app reads them: tasks, outcomes, the worker's grid,
 * the progress of a region's children, escalation notices and isolation facilities.
 */
import type { GeoPolygon } from '@epigrid/core';

/** What a grid worker may report on a task. */
export const outcomeCodes = ['reached', 'not_home', 'moved', 'refused', 'transferred', 'tested'] as const;

/** One of {@link outcomeCodes}. */
export type OutcomeCode = (typeof outcomeCodes)[number];

/** A point on the map (WGS 84 degrees). */
export interface GeoPoint {
  readonly lat: number;
  readonly lng: number;
}

/** The person a task is about, with only what the task needs. */
export interface TaskPerson {
  readonly id: number;
  readonly name: string;
  readonly address: string | null;
  readonly phoneMasked: string | null;
  /** Where the person lives, when the server knows it (for the pin on the grid map). */
  readonly location?: GeoPoint | null;
}

/** A task as `GET /api/tasks` and the stream return it. */
export interface TaskView {
  readonly id: number;
  readonly type: string;
  readonly titleKey: string;
  readonly status: 'open' | 'done' | 'cancelled' | 'referred';
  readonly priority: number;
  readonly deadline: string;
  readonly createdAt: string;
  readonly overdue: boolean;
  readonly person: TaskPerson | null;
  readonly homeRegion: { readonly code: string; readonly name: string };
  readonly assignedLevel: string;
  readonly assignee: { readonly id: number; readonly name: string } | null;
  readonly allowedOutcomes: readonly OutcomeCode[];
  /** What closes the task: a worker's outcome, or deciding the appeal it reviews (on the reviewers' page). */
  readonly closedBy: 'outcome' | 'appeal_decision';
  readonly outcome: { readonly code: OutcomeCode; readonly note: string | null; readonly recordedAt: string } | null;
}

/** One page of tasks. */
export interface TaskPage {
  readonly tasks: readonly TaskView[];
  readonly next: string | null;
}

/** An outcome as the phone records it and the server receives it. */
export interface OutcomeInput {
  /** Client UUID: the server keeps one outcome per clientId, so replays never duplicate. */
  readonly clientId: string;
  readonly code: OutcomeCode;
  readonly note?: string;
  readonly facilityId?: number;
  /** JPEG data URL, at most 200 kB. */
  readonly photo?: string;
  readonly recordedAt: string;
}

/** The grid of the signed-in worker (`GET /api/grids/mine`). */
export interface GridInfo {
  readonly code: string;
  readonly name: string;
  readonly path: string;
  readonly polygon: GeoPolygon | null;
  readonly workers: number;
}

/** One child region's figures in the progress view. */
export interface ProgressRow {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly open: number;
  readonly doneToday: number;
  readonly overdue: number;
  readonly medianHoursToControl: number | null;
}

/** The progress of a region's children (`GET /api/progress`). */
export interface ProgressReport {
  readonly region: { readonly code: string; readonly name: string; readonly level: string };
  readonly children: readonly ProgressRow[];
}

/** An escalation notice to a level (`GET /api/task-notices`): where the task climbed and what it is. */
export interface TaskNoticeView {
  readonly id: number;
  readonly kind: 'escalated';
  readonly createdAt: string;
  readonly read: boolean;
  readonly readAt: string | null;
  readonly region: { readonly code: string; readonly name: string; readonly level: string };
  readonly task: {
    readonly id: number;
    readonly type: string;
    readonly titleKey: string;
    readonly status: TaskView['status'];
    readonly deadline: string;
    readonly overdue: boolean;
    readonly escalations: number;
    readonly assignedLevel: string;
    readonly assignee: string | null;
    readonly personName: string | null;
    readonly homeRegion: { readonly code: string; readonly name: string };
  };
}

/** One page of notices with the jurisdiction's unread count. */
export interface TaskNoticePage {
  readonly notices: readonly TaskNoticeView[];
  readonly unread: number;
  readonly next: string | null;
}

/** An isolation facility a transfer may name (`GET /api/facilities`). */
export interface FacilityView {
  readonly id: number;
  readonly name: string;
  readonly category: string | null;
  readonly region: { readonly code: string; readonly name: string };
  readonly location: GeoPoint;
  /** Rooms, when known. */
  readonly capacity: number | null;
  /** People placed there under quarantine. */
  readonly occupied: number;
}
