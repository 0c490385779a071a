// Transmission-chain shapes shared by the trace engine and the web app.

/** Where a traced link happened, for naming clusters. */
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
  /** Wallinga–Teunis relative likelihood p_ij (sums to 1 over the candidates). */
  readonly likelihood: number;
  readonly intervalDays: number;
  /** A traced link supports this pair. */
  readonly traced: boolean;
}

/** Ranked candidate infectors of one case. */
export interface InfectorRanking {
  readonly caseId: number;
  /** By likelihood, descending (ties by case id). */
  readonly candidates: readonly CandidateInfector[];
  /** Candidates were restricted to traced links because some exist. */
  readonly restrictedToTraced: boolean;
}

/** A cluster: a connected component of traced case–case links. */
export interface Cluster {
  /** Smallest case id in the cluster (stable). */
  readonly id: number;
  /** The venue or household (else vehicle/investigation) named by most links, ties by lowest id. */
  readonly dominantSetting: LinkSetting | null;
  readonly name: string;
  readonly caseIds: readonly number[];
  readonly size: number;
  readonly firstDate: string;
  readonly lastDate: string;
  readonly spanDays: number;
  /** Cases dated in the 7 days ending on `asOfDate`. */
  readonly last7Days: number;
  /** Cases dated in the 7 days before those. */
  readonly previous7Days: number;
  /** last7Days / previous7Days; Infinity when the previous week had none but this one has some. */
  readonly growth: number;
}
