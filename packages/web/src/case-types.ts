/**
 * Shapes of the case, contact-tracing and chain endpoints as the web app reads them. They mirror the
 * server's presenters and the trace engine's types, which the web app may not import.
 */
import type { Cluster as EngineCluster, Evidence, InfectorRanking, ManagementPlan, TracedLink } from '@epigrid/core';

export type { CandidateInfector, Evidence, InfectorRanking, LinkSetting, TracedLink, VehicleMode } from '@epigrid/core';

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

/** A cluster as the API sends it: growth is null where the engine's is infinite (new this week). */
export type Cluster = Omit<EngineCluster, 'growth'> & { readonly growth: number | null };

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
