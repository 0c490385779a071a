/**
 * A versioned contact-tracing protocol as data (domain-rules §0): every threshold that changed
 * between editions lives here, never in code. Each decision records the profile id and a rule id.
 */
export interface ProtocolProfile {
  /** Stable id, e.g. `CN-P9-2022-06-28`. */
  readonly id: string;
  /** Prefix of every rule id of this profile, e.g. `CN-P9` gives `CN-P9/close/venue`. */
  readonly rulePrefix: string;
  readonly title: string;
  /** Issuing authority or jurisdiction, e.g. `CN`, `WHO`, `US-CDC`. */
  readonly jurisdiction: string;
  /** First day the profile applies (YYYY-MM-DD). */
  readonly effectiveFrom: string;
  /** Last day it applies, or null while in force. */
  readonly effectiveTo: string | null;
  readonly dayCounting: DayCounting;
  readonly exposureWindow: ExposureWindowRule;
  readonly closeContact: CloseContactRules;
  readonly subCloseContact: SubCloseContactRules;
  readonly companion: CompanionRules;
  readonly management: ManagementRules;
  readonly serialInterval: SerialInterval;
}

/**
 * How calendar days are numbered from the last exposure (domain-rules §0). With `0`, the day of
 * last exposure is day 0, so "N days of quarantine" ends on the calendar day exposure + N and the
 * "day k test" falls on exposure + k. With `1`, that day is day 1: the end is exposure + N − 1.
 */
export interface DayCounting {
  readonly lastExposureDay: 0 | 1;
}

/** When a case could have exposed others. */
export interface ExposureWindowRule {
  /** Start = local midnight of the onset date minus this many days (symptomatic cases). */
  readonly daysBeforeOnset: number;
  /** Start = local midnight of the sampling date minus this many days (asymptomatic infections). */
  readonly daysBeforeSampling: number;
  /**
   * Optional cap on the end: the window ends at the earlier of isolation and the end of the
   * anchor day plus this many days (WHO's "10 days after onset"); null = until isolation only.
   */
  readonly maxDaysAfterAnchor: number | null;
  /**
   * Cases found by routine periodic screening: when on and the last negative sample time is
   * known, the window starts at that sample instead (9th-edition annex).
   */
  readonly screeningWindow: boolean;
}

/** A duration threshold with its comparison spelled out, so "at least 15" and "more than 10" differ. */
export interface DurationThreshold {
  readonly minutes: number;
  readonly comparison: 'at-least' | 'more-than';
}

/** Co-presence at a venue (check-ins). */
export interface VenueRule {
  readonly enabled: boolean;
  readonly threshold: DurationThreshold;
  /**
   * `contiguous`: one uninterrupted co-presence must meet the threshold. `cumulative-24h`: the
   * co-presence minutes summed over any sliding 24 h must meet it (CDC "3 × 5 minutes").
   */
  readonly accumulation: 'contiguous' | 'cumulative-24h';
  /** A check-in without a check-out is assumed to last this many minutes. */
  readonly openEndedStayMinutes: number;
}

/** Seating rules per transport mode (the transport annex table). */
export interface VehicleRules {
  readonly enabled: boolean;
  /** Plane: passengers within this many rows in front and behind (same row included). */
  readonly planeRowRadius: number;
  /**
   * Plane: passengers within this many seats to either side, inside the row band (the ECDC-style
   * "2 seats in every direction", §1.6); null = every seat of those rows (the CN transport annex).
   */
  readonly planeSeatRadius: number | null;
  /**
   * Plane whose cabin air is not HEPA-filtered (a manifest's `enclosed` = false): `whole-cabin`
   * makes everyone on board a close contact (the 2003 SARS rule of the transport annex), so the
   * seating rule applies only to HEPA-filtered cabins; `seating` applies the seating rule to every cabin.
   */
  readonly planeWithoutHepa: 'seating' | 'whole-cabin';
  /** Train, fully enclosed and air-conditioned: the whole carriage. */
  readonly trainEnclosed: 'same-carriage';
  /** Train, not enclosed: same carriage and bays within this radius (1 = adjacent bays). */
  readonly trainOpenBayRadius: number;
  /** Seat rows forming one bay (格) of a train that is not enclosed. */
  readonly trainRowsPerBay: number;
  /** Coach, sealed and air-conditioned: everyone on board. */
  readonly coachSealed: 'whole-vehicle';
  /** Coach, ventilated: within this many rows in front and behind. */
  readonly coachOpenRowRadius: number;
  /** Ship: the same cabin. */
  readonly ship: 'same-cabin';
}

/** Close-contact criteria (domain-rules §1.1, §1.4, §1.5). */
export interface CloseContactRules {
  /** False where close contacts are no longer determined (CN-ClassB). */
  readonly enabled: boolean;
  /** Lived together with the case. */
  readonly household: boolean;
  readonly venue: VenueRule;
  readonly vehicle: VehicleRules;
  /** Contacts entered by a field investigator (criterion 9) are accepted. */
  readonly investigator: boolean;
}

/** Close contacts of close contacts (次密接, §1.2). */
export interface SubCloseContactRules {
  readonly enabled: boolean;
  /** Lived together with the close contact. */
  readonly household: boolean;
  /** Shared a closed venue (work, meals, entertainment) with the close contact. */
  readonly venue: VenueRule;
}

/** Cumulative dwell clause of the spatiotemporal-companion rule (§1.3). */
export type DwellClause =
  | { readonly kind: 'off' }
  | {
      /**
       * `and`: co-presence over the threshold AND either party dwelled more than `hours` in the
       * cell over the look-back. `or`: co-presence over the threshold, OR both were seen in the cell
       * during the look-back (not necessarily together) and either dwelled more than `hours` there.
       */
      readonly kind: 'and' | 'or';
      readonly hours: number;
    };

/** Spatiotemporal companions (时空伴随者) from telecom presence (§1.3). */
export interface CompanionRules {
  readonly enabled: boolean;
  /** H3 resolution of the grid; telecom data is resolution 8, coarser values aggregate it. */
  readonly h3Resolution: number;
  readonly threshold: DurationThreshold;
  readonly lookBackDays: number;
  readonly dwell: DwellClause;
}

/** Where the home phase is spent and how strictly. */
export type HomeMode = 'none' | 'monitoring' | 'isolation';

/** A management schedule (quarantine and tests), counted per {@link DayCounting}. */
export interface ManagementSchedule {
  readonly centralisedDays: number;
  readonly homeDays: number;
  readonly homeMode: HomeMode;
  /** Test days of the centralised phase, numbered from the last exposure. */
  readonly centralisedTestDays: readonly number[];
  /** Test days of the home phase, numbered from the start of the home phase (its day 1). */
  readonly homeTestDays: readonly number[];
}

/** Follow-up of spatiotemporal companions: N tests within D days, at least H hours apart. */
export interface CompanionFollowUp {
  readonly tests: number;
  readonly withinDays: number;
  readonly minHoursApart: number;
}

/** Management of each traced group (§2). */
export interface ManagementRules {
  readonly closeContact: ManagementSchedule;
  readonly subCloseContact: ManagementSchedule | null;
  readonly companion: CompanionFollowUp | null;
  /**
   * Hours before a planned test day begins and after it ends (local calendar days) in which a sample
   * still counts for it. Absent: none — the sample must be taken on the planned local day, else the
   * test was missed (`missed-required-test`, a door knock).
   */
  readonly testDayToleranceHours?: number;
}

/** Serial interval as a gamma distribution, for Wallinga–Teunis (§7). */
export interface SerialInterval {
  readonly distribution: 'gamma';
  readonly meanDays: number;
  readonly sdDays: number;
}
