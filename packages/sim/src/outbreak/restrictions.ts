/**
 * Decisions of the platform that the simulated people obey: per-person restrictions (isolation,
 * quarantine, home isolation, lockdown, red code) and lockdowns of whole areas, each from a time
 * and optionally until a time, and the feed the simulator asks for them before each day.
 */

/** What a restriction does to a person's day. */
export type RestrictionKind = 'isolation' | 'quarantine' | 'home_isolation' | 'lockdown' | 'red_code';

/** A restriction of one person, named by resident ID number. */
export interface PersonRestriction {
  readonly residentId: string;
  readonly kind: RestrictionKind;
  /** ISO time with offset: when the decision reaches the person. */
  readonly from: string;
  /** ISO time with offset; absent = until further notice. */
  readonly until?: string;
}

/** A lockdown of everyone living under a region node (any level), by region code. */
export interface AreaLockdown {
  readonly regionCode: string;
  readonly kind: 'lockdown';
  readonly from: string;
  readonly until?: string;
}

/** One decision the simulator obeys. */
export type Restriction = PersonRestriction | AreaLockdown;

/**
 * Where the simulator gets the platform's decisions. `restrictionsFor(day)` is called before day
 * `day` (YYYY-MM-DD) is simulated and returns the decisions taken since the last call or still in
 * force; the simulator remembers everything it was given, so repeating a decision is harmless
 * (same target, kind and `from` = same decision; a new `until` replaces the old one).
 */
export interface InterventionFeed {
  restrictionsFor(day: string): Promise<readonly Restriction[]>;
}

/** A feed with no decisions: the outbreak runs uncontrolled (apart from the simulator's own case isolation, if on). */
export const noInterventions: InterventionFeed = {
  restrictionsFor: async (): Promise<readonly Restriction[]> => [],
};

/** How strongly a restriction confines: 1 = no venues/transport, 2 = at home, 3 = centralised (away from the household). */
export type ConfinementLevel = 1 | 2 | 3;

/**
 * @param kind - restriction kind
 * @returns its confinement level
 */
export function confinementOf(kind: RestrictionKind): ConfinementLevel {
  if (kind === 'red_code') return 1;
  if (kind === 'home_isolation' || kind === 'lockdown') return 2;
  return 3;
}

/**
 * @param restriction - a restriction
 * @returns true when it targets an area rather than a person
 */
export function isAreaLockdown(restriction: Restriction): restriction is AreaLockdown {
  return 'regionCode' in restriction;
}

/**
 * @param restriction - a restriction
 * @returns the identity of the decision (target, kind and start)
 */
export function restrictionKey(restriction: Restriction): string {
  return `${isAreaLockdown(restriction) ? `area:${restriction.regionCode}` : restriction.residentId}|${restriction.kind}|${restriction.from}`;
}
