import type { ManagementPlan } from '@epigrid/core';
import type { Evidence } from '@epigrid/core';
export type { Evidence };

/** Fields every traced person carries. */
interface TracedBase {
  readonly personId: number;
  /** The case traced. */
  readonly caseId: number;
  readonly profileId: string;
  /** Sorted, distinct rule ids that accepted this person. */
  readonly ruleIds: readonly string[];
  /** Sorted by time. */
  readonly evidence: readonly Evidence[];
  readonly firstExposure: number;
  readonly lastExposure: number;
}

/** A close contact (密接) of a case. */
export interface CloseContact extends TracedBase {
  readonly kind: 'close';
  readonly management: ManagementPlan;
}

/** A close contact of a close contact (次密接), linked through `viaPersonId`. */
export interface SubCloseContact extends TracedBase {
  readonly kind: 'sub-close';
  readonly viaPersonId: number;
  readonly management: ManagementPlan;
}

/** Follow-up of a spatiotemporal companion: tests due by a date. */
export interface CompanionFollowUpPlan {
  readonly ruleId: string;
  readonly tests: number;
  readonly minHoursApart: number;
  /** Last calendar day for the tests (last co-presence day + withinDays). */
  readonly dueBy: string;
}

/** A spatiotemporal companion (时空伴随者). */
export interface Companion extends TracedBase {
  readonly kind: 'companion';
  readonly followUp: CompanionFollowUpPlan | null;
}

/** Anyone a trace returns. */
export type TracedPerson = CloseContact | SubCloseContact | Companion;

/** The window a case could have exposed others in, and why. */
export interface ExposureWindow {
  readonly from: number;
  readonly to: number;
  readonly ruleId: string;
}
