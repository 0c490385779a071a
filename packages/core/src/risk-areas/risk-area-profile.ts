/**
 * Area risk classification as data (domain-rules §3): which rule a jurisdiction applies, at which
 * region level it draws areas, and the timers that bring an area back down. Every area level records
 * the profile id and a rule id.
 */
export interface RiskAreaProfile {
  /** Stable id, e.g. `CN-P9-areas`. */
  readonly id: string;
  /** Prefix of every rule id, e.g. `CN-P9-areas` gives `CN-P9-areas/high/designated`. */
  readonly rulePrefix: string;
  readonly title: string;
  /** Protocol profiles this area rule belongs to (the edition in force selects it). */
  readonly protocolProfileIds: readonly string[];
  /** Region level whose nodes are the areas: county, town (street), community, grid (building). */
  readonly unitLevel: string;
  /** Local offset from UTC used to turn instants into calendar days (China: 480). */
  readonly utcOffsetMinutes: number;
  /**
   * Which infections count as "new" for the rule and its timers (§3.5, ambiguous in the sources):
   * `all` detections, or only `community` ones (not already under quarantine when found).
   */
  readonly newInfection: 'all' | 'community';
  readonly model: TieredModel | CumulativeClusterModel;
}

/** One downgrade step of a tiered model: after `quietDays` days with no new infection, `from` → `to`. */
export interface DowngradeStep {
  readonly from: string;
  readonly to: string;
  /** Consecutive days without a new infection, counted from the day after the last one (or the step's first day). */
  readonly quietDays: number;
  /** Used instead when the area was designated at `from` directly rather than reached by a downgrade (9th edition medium). */
  readonly quietDaysIfDesignated?: number | undefined;
}

/**
 * Designation by events (9th edition, 20 measures, Shanghai three zones): a case's residence area is
 * designated `residenceLevel`, a place where a case stayed `activityLevel`; timers bring it down.
 */
export interface TieredModel {
  readonly kind: 'tiered';
  /** Levels from highest to lowest; the last is the background level (not a risk area). */
  readonly levels: readonly string[];
  readonly residenceLevel: string;
  /** Level of areas a case only visited, or null when visits do not designate areas. */
  readonly activityLevel: string | null;
  readonly downgrades: readonly DowngradeStep[];
}

/**
 * The county rule of 17 Feb 2020 (§3.1): low without cases in `windowDays`, high with more than
 * `cumulativeThreshold` cumulative cases and a cluster in the window, medium otherwise.
 */
export interface CumulativeClusterModel {
  readonly kind: 'cumulative-cluster';
  /** Exactly three levels, highest first, e.g. high, medium, low. */
  readonly levels: readonly [string, string, string];
  readonly windowDays: number;
  readonly cumulativeThreshold: number;
  /** A cluster (§3.2): at least `minCases` cases sharing a setting (household, venue) within `windowDays`. */
  readonly cluster: { readonly windowDays: number; readonly minCases: number };
}

/** One infection as the area rules see it: where it counts and on which local day. */
export interface AreaCaseFact {
  readonly caseId: number;
  /** Region path of the area (a node at the profile's unit level). */
  readonly areaPath: string;
  /** Local calendar day of the detection (YYYY-MM-DD). */
  readonly day: string;
  /** `residence`: the case lives there; `activity`: the case stayed there during its infectious window. */
  readonly role: 'residence' | 'activity';
  /** Household or venue shared by cases, for the cluster test; null when unknown. */
  readonly settingKey: string | null;
  /** False when the person was already under quarantine or listed as a contact when found. */
  readonly community: boolean;
}

/** The level of one area at a moment, with its reason and its timer. */
export interface AreaLevel {
  readonly areaPath: string;
  readonly profileId: string;
  readonly level: string;
  /** True for the background level (the rest of the county): not a risk area. */
  readonly background: boolean;
  readonly ruleId: string;
  /** The infections behind the level (the current episode). */
  readonly reasonCaseIds: readonly number[];
  /** First local day at this level. */
  readonly since: string;
  /** Local day the area drops one level if nothing new happens, or null at the background level. */
  readonly dropsAt: string | null;
}
