import type { ManagementPlan } from '@epigrid/core';
import type { VehicleMode } from '../presence-rows.js';

/** Where and how an exposure happened; every piece names the rule that accepted it. */
export type Evidence =
  | {
      readonly kind: 'household';
      readonly ruleId: string;
      readonly householdId: number;
      readonly from: number;
      readonly to: number;
    }
  | {
      readonly kind: 'venue';
      readonly ruleId: string;
      readonly venueId: number;
      /** Row key of the source person's check-in (the case, or the close contact for sub-close). */
      readonly sourceRowKey: number;
      /** Row key of the exposed person's check-in. */
      readonly rowKey: number;
      readonly from: number;
      readonly to: number;
      readonly minutes: number;
      /** A check-out was missing on either side and the profile's assumed stay was used. */
      readonly assumedStay: boolean;
    }
  | {
      readonly kind: 'vehicle';
      readonly ruleId: string;
      readonly mode: VehicleMode;
      readonly serviceId: string;
      readonly serviceDate: string;
      readonly carriage: string | null;
      readonly sourceSeat: string;
      readonly seat: string;
      readonly sourceRowKey: number;
      readonly rowKey: number;
      readonly from: number;
      readonly to: number;
    }
  | {
      readonly kind: 'investigator';
      readonly ruleId: string;
      readonly reference: string;
      readonly from: number;
      readonly to: number;
    }
  | {
      readonly kind: 'companion-co-presence';
      readonly ruleId: string;
      /** H3 cell at the profile's resolution. */
      readonly cell: string;
      readonly sourceRowKey: number;
      readonly rowKey: number;
      readonly from: number;
      readonly to: number;
      readonly minutes: number;
    }
  | {
      readonly kind: 'companion-dwell';
      readonly ruleId: string;
      readonly cell: string;
      /** Whose cumulative dwell met the clause. */
      readonly party: 'case' | 'contact';
      readonly hours: number;
    };

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
