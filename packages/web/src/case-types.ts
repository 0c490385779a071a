/**
 * Shapes of the case, contact-tracing and chain endpoints as the web app reads them. They mirror the
 * server's presenters and the trace engine's types, which the web app may not import.
 */
import type { ManagementPlan } from '@epigrid/core';

/** A case report (`GET /api/cases`, `GET /api/cases/:id`). */
export interface CaseReport {
  /** Case report row id (used in links). */
  readonly id: number;
  /** The reporting system's id. */
  readonly reportId: string;
  readonly personId: number;
  readonly personName: string;
  /** `confirmed`, `asymptomatic` (the list shows only these), `suspected` or `discarded`. */
  readonly classification: string;
  /** YYYY-MM-DD, null for an asymptomatic infection. */
  readonly onsetDate: string | null;
  /** YYYY-MM-DD of the first positive sample. */
  readonly samplingDate: string;
  /** ISO timestamps. */
  readonly reportTime: string;
  readonly isolatedTime: string | null;
  /** Infected outside the jurisdiction. */
  readonly imported: boolean;
  /** When the case was last traced; null if never. */
  readonly tracedAt: string | null;
}

/** How a contact is related to the case. */
export type ContactKind = 'close' | 'sub-close' | 'companion';

/** Transport modes of vehicle evidence. */
export type VehicleMode = 'train' | 'coach' | 'plane' | 'ship';

/** Where and how an exposure happened (times in epoch seconds); every piece names its rule. */
export type Evidence =
  | { readonly kind: 'household'; readonly ruleId: string; readonly householdId: number; readonly from: number; readonly to: number }
  | {
      readonly kind: 'venue';
      readonly ruleId: string;
      readonly venueId: number;
      readonly sourceRowKey: number;
      readonly rowKey: number;
      readonly from: number;
      readonly to: number;
      readonly minutes: number;
      /** A check-out was missing and the profile's assumed stay was used. */
      readonly assumedStay: boolean;
    }
  | {
      readonly kind: 'vehicle';
      readonly ruleId: string;
      readonly mode: VehicleMode;
      readonly serviceId: string;
      readonly serviceDate: string;
      readonly carriage: string | null;
      /** Seat of the source (the case, or the close contact for a sub-close contact). */
      readonly sourceSeat: string;
      readonly seat: string;
      readonly sourceRowKey: number;
      readonly rowKey: number;
      readonly from: number;
      readonly to: number;
    }
  | { readonly kind: 'investigator'; readonly ruleId: string; readonly reference: string; readonly from: number; readonly to: number }
  | {
      readonly kind: 'companion-co-presence';
      readonly ruleId: string;
      /** H3 cell. */
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

/** Follow-up of a spatiotemporal companion: tests due by a date. */
export interface CompanionFollowUp {
  readonly ruleId: string;
  readonly tests: number;
  readonly minHoursApart: number;
  /** YYYY-MM-DD */
  readonly dueBy: string;
}

/** A traced contact of a case; without personal data when outside the reader's jurisdiction. */
export interface TracedContact {
  readonly personId: number;
  /** Null when the person is handled by another jurisdiction. */
  readonly personName: string | null;
  readonly gridName: string | null;
  readonly withinJurisdiction: boolean;
  readonly kind: ContactKind;
  /** The close contact a sub-close contact was exposed to. */
  readonly viaPersonId: number | null;
  readonly profileId: string;
  readonly ruleIds: readonly string[];
  /** Sorted by time; items of unknown kinds may appear from newer servers. */
  readonly evidence: readonly Evidence[];
  /** ISO timestamps. */
  readonly firstExposure: string;
  readonly lastExposure: string;
  /** Quarantine plan (close, sub-close), follow-up (companions), or null. */
  readonly management: ManagementPlan | CompanionFollowUp | null;
  readonly listedAt: string;
}

/** A case with its traced contacts (`GET /api/cases/:id`). */
export interface CaseDetail {
  readonly case: CaseReport;
  readonly contacts: readonly TracedContact[];
}

/** What `POST /api/cases/:id/trace` returns: the profile used and the counts found. */
export interface TraceResult {
  readonly profileId: string;
  readonly close: number;
  readonly subClose: number;
  readonly companions: number;
}

/** A case as chain analysis sees it. */
export interface ChainCase {
  readonly caseId: number;
  readonly personId: number;
  readonly personName: string;
  /** Onset date, or sampling date for an asymptomatic infection. */
  readonly date: string;
  readonly imported: boolean;
}

/** Where a traced link happened. */
export type LinkSetting =
  | { readonly kind: 'venue'; readonly venueId: number }
  | { readonly kind: 'household'; readonly householdId: number }
  | { readonly kind: 'vehicle'; readonly serviceKey: string }
  | { readonly kind: 'investigator'; readonly reference: string };

/** A traced case–case link: the infectee was a close contact of the infector. */
export interface TracedLink {
  readonly infectorCaseId: number;
  readonly infecteeCaseId: number;
  readonly settings: readonly LinkSetting[];
  readonly ruleIds: readonly string[];
}

/** One possible infector of a case. */
export interface CandidateInfector {
  readonly caseId: number;
  /** Relative likelihood (sums to 1 over the candidates). */
  readonly likelihood: number;
  readonly intervalDays: number;
  /** A traced link supports this pair. */
  readonly traced: boolean;
}

/** Ranked candidate infectors of one case. */
export interface InfectorRanking {
  readonly caseId: number;
  readonly candidates: readonly CandidateInfector[];
  /** Candidates were restricted to traced links because some exist. */
  readonly restrictedToTraced: boolean;
}

/** A cluster of linked cases. */
export interface Cluster {
  readonly id: number;
  readonly dominantSetting: LinkSetting | null;
  readonly name: string;
  readonly caseIds: readonly number[];
  readonly size: number;
  readonly firstDate: string;
  readonly lastDate: string;
  readonly spanDays: number;
  readonly last7Days: number;
  readonly previous7Days: number;
  /** last7Days / previous7Days; null when the previous week had none (new, or both zero). */
  readonly growth: number | null;
}

/** Transmission chains and clusters (`GET /api/chains`). */
export interface ChainReport {
  readonly cases: readonly ChainCase[];
  readonly links: readonly TracedLink[];
  readonly rankings: readonly InfectorRanking[];
  /** Case reproduction number per case id (keys are ids as strings). */
  readonly reproduction: Readonly<Record<string, number>>;
  readonly clusters: readonly Cluster[];
}

/**
 * Whether a contact's management is a quarantine plan (rather than a companion follow-up).
 * @param management - the contact's management
 */
export function isManagementPlan(management: TracedContact['management']): management is ManagementPlan {
  return management !== null && typeof management === 'object' && 'endDate' in management;
}

/**
 * Whether a contact's management is a companion follow-up.
 * @param management - the contact's management
 */
export function isCompanionFollowUp(management: TracedContact['management']): management is CompanionFollowUp {
  return management !== null && typeof management === 'object' && 'dueBy' in management;
}
