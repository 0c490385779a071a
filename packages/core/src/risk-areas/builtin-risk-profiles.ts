import type { RiskAreaProfile } from './risk-area-profile.js';

const CN = 480;

/** 17 Feb 2020 county rule (§3.1); the threshold (50, some reprints say 5 or 10) is a parameter. */
const county2020: RiskAreaProfile = {
  id: 'CN-2020-02-county',
  rulePrefix: 'CN-2020-02',
  title: 'County risk levels, 17 Feb 2020 guidance',
  protocolProfileIds: ['CN-P8-2021-05'],
  unitLevel: 'county',
  utcOffsetMinutes: CN,
  newInfection: 'all',
  model: {
    kind: 'cumulative-cluster',
    levels: ['high', 'medium', 'low'],
    windowDays: 14,
    cumulativeThreshold: 50,
    cluster: { windowDays: 14, minCases: 2 },
  },
};

/** 9th edition (§3.4): residence high, activity places medium; high →7 d→ medium →3 d→ low (7 d if designated medium). */
const p9: RiskAreaProfile = {
  id: 'CN-P9-areas',
  rulePrefix: 'CN-P9-areas',
  title: '9th edition high / medium / low risk areas',
  protocolProfileIds: ['CN-P9-2022-06-28'],
  unitLevel: 'community',
  utcOffsetMinutes: CN,
  newInfection: 'all',
  model: {
    kind: 'tiered',
    levels: ['high', 'medium', 'low'],
    residenceLevel: 'high',
    activityLevel: 'medium',
    downgrades: [
      { from: 'high', to: 'medium', quietDays: 7 },
      { from: 'medium', to: 'low', quietDays: 3, quietDaysIfDesignated: 7 },
    ],
  },
};

/** Shanghai three zones, spring 2022 (§3.3): sealed →7 d→ controlled →7 d→ prevention; any positive restarts the clock. */
const shanghai: RiskAreaProfile = {
  id: 'SH-2022-three-zones',
  rulePrefix: 'SH-2022',
  title: 'Shanghai sealed / controlled / prevention zones (spring 2022)',
  protocolProfileIds: [],
  unitLevel: 'grid',
  utcOffsetMinutes: CN,
  newInfection: 'all',
  model: {
    kind: 'tiered',
    levels: ['sealed', 'controlled', 'prevention'],
    residenceLevel: 'sealed',
    activityLevel: 'controlled',
    downgrades: [
      { from: 'sealed', to: 'controlled', quietDays: 7 },
      { from: 'controlled', to: 'prevention', quietDays: 7 },
    ],
  },
};

/** 20 measures (§3.5): only high and low, drawn by building; 5 days without infection → low. */
const twentyMeasures: RiskAreaProfile = {
  id: 'CN-20M-areas',
  rulePrefix: 'CN-20M-areas',
  title: '20 measures high / low risk areas',
  protocolProfileIds: ['CN-20M-2022-11-11', 'CN-10N-2022-12-07'],
  unitLevel: 'grid',
  utcOffsetMinutes: CN,
  newInfection: 'all',
  model: {
    kind: 'tiered',
    levels: ['high', 'low'],
    residenceLevel: 'high',
    activityLevel: null,
    downgrades: [{ from: 'high', to: 'low', quietDays: 5 }],
  },
};

/** Every built-in area-risk profile, keyed by id. */
export const builtinRiskAreaProfiles: ReadonlyMap<string, RiskAreaProfile> = new Map(
  [county2020, p9, shanghai, twentyMeasures].map((p) => [p.id, p]),
);

/**
 * The area-risk profile belonging to a protocol profile, or null where that edition draws no risk
 * areas (Class B management, WHO, CDC).
 * @param protocolProfileId - e.g. `CN-P9-2022-06-28`
 */
export function riskAreaProfileFor(protocolProfileId: string): RiskAreaProfile | null {
  for (const profile of builtinRiskAreaProfiles.values()) if (profile.protocolProfileIds.includes(protocolProfileId)) return profile;
  return null;
}

/**
 * A built-in area-risk profile by id.
 * @param id - e.g. `CN-P9-areas`
 * @throws RangeError for an unknown id
 */
export function builtinRiskAreaProfile(id: string): RiskAreaProfile {
  const profile = builtinRiskAreaProfiles.get(id);
  if (!profile) throw new RangeError(`unknown area risk profile ${id}; known: ${[...builtinRiskAreaProfiles.keys()].join(', ')}`);
  return profile;
}
