import type { Clearance, CodeRule, CodeRuleSet } from './code-rule-set.js';

const negatives = (count: number, minHoursApart: number, withinDays: number | null, lookBackHours = 0): Clearance => ({
  kind: 'evidence',
  input: 'negative-test',
  count,
  minHoursApart,
  withinDays,
  lookBackHours,
});
const elapsed = (days: number): Clearance => ({ kind: 'elapsed', days });
const untilEnd: Clearance = { kind: 'fact-until', extraDays: 0 };
const quarantineDone: Clearance = { kind: 'any-of', of: [untilEnd, { kind: 'evidence', input: 'quarantine-completed', count: 1, minHoursApart: 0, withinDays: null, lookBackHours: 0 }] };

/** Triggers shared by the 2021–2022 rule patterns (§4.4): companions, pooled tubes, missed tests. */
const testingRules: readonly CodeRule[] = [
  { key: 'positive-test', input: 'positive-test', stages: [{ colour: 'red', clearance: negatives(2, 24, 3) }], reasonKey: 'positive-test' },
  { key: 'pooled-tube', input: 'pooled-tube-positive', stages: [{ colour: 'yellow', clearance: negatives(1, 0, null) }], reasonKey: 'pooled-tube' },
  { key: 'companion', input: 'companion', stages: [{ colour: 'yellow', clearance: negatives(2, 24, 3) }], reasonKey: 'companion' },
  { key: 'missed-test', input: 'missed-required-test', stages: [{ colour: 'yellow', clearance: negatives(1, 0, null) }], reasonKey: 'missed-test' },
];

/**
 * 9th edition codes (late-2022 example mapping, §4.4): cases red then yellow 7 days; close contacts red
 * until their quarantine ends, then yellow until a negative test; sub-close contacts yellow until
 * their management ends and a negative test; high-risk residents red, medium yellow, while the area holds.
 */
const p9Codes: CodeRuleSet = {
  id: 'CN-P9-codes',
  rulePrefix: 'CN-P9-codes',
  title: '9th edition health-code colours',
  protocolProfileIds: ['CN-P9-2022-06-28'],
  rules: [
    { key: 'case', input: 'case', stages: [{ colour: 'red', clearance: elapsed(14) }, { colour: 'yellow', clearance: elapsed(7) }], reasonKey: 'case' },
    { key: 'suspected', input: 'suspected-case', stages: [{ colour: 'red', clearance: negatives(2, 24, null) }], reasonKey: 'suspected' },
    { key: 'close-contact', input: 'close-contact', stages: [{ colour: 'red', clearance: quarantineDone }, { colour: 'yellow', clearance: negatives(1, 0, null, 48) }], reasonKey: 'close-contact' },
    { key: 'sub-close-contact', input: 'sub-close-contact', stages: [{ colour: 'yellow', clearance: quarantineDone }, { colour: 'yellow', clearance: negatives(1, 0, null, 48) }], reasonKey: 'sub-close-contact' },
    ...testingRules,
    { key: 'area/high-resident', input: 'risk-area-residence', areaLevels: ['high'], stages: [{ colour: 'red', clearance: untilEnd }], reasonKey: 'area-resident-high' },
    { key: 'area/medium-resident', input: 'risk-area-residence', areaLevels: ['medium'], stages: [{ colour: 'yellow', clearance: untilEnd }], reasonKey: 'area-resident-medium' },
    { key: 'area/visit', input: 'risk-area-visit', areaLevels: ['high', 'medium'], stages: [{ colour: 'yellow', clearance: { kind: 'any-of', of: [elapsed(7), negatives(2, 24, 3)] } }], reasonKey: 'area-visit' },
  ],
};

/** 20 measures codes: 5+3 for close contacts (the dates come with the fact), only high areas remain. */
const twentyMeasuresCodes: CodeRuleSet = {
  id: 'CN-20M-codes',
  rulePrefix: 'CN-20M-codes',
  title: '20 measures health-code colours',
  protocolProfileIds: ['CN-20M-2022-11-11', 'CN-10N-2022-12-07'],
  rules: [
    { key: 'case', input: 'case', stages: [{ colour: 'red', clearance: elapsed(10) }, { colour: 'yellow', clearance: elapsed(7) }], reasonKey: 'case' },
    { key: 'close-contact', input: 'close-contact', stages: [{ colour: 'red', clearance: quarantineDone }, { colour: 'yellow', clearance: negatives(1, 0, null, 48) }], reasonKey: 'close-contact' },
    ...testingRules,
    { key: 'area/high-resident', input: 'risk-area-residence', areaLevels: ['high'], stages: [{ colour: 'red', clearance: untilEnd }], reasonKey: 'area-resident-high' },
    { key: 'area/visit', input: 'risk-area-visit', areaLevels: ['high'], stages: [{ colour: 'yellow', clearance: { kind: 'any-of', of: [elapsed(5), negatives(2, 24, 3)] } }], reasonKey: 'area-visit' },
  ],
};

/**
 * Early-2020 codes (Hangzhou and Hubei, §4.1–4.2): confirmed and suspected red, a cured case yellow
 * 14 days after 14 days' isolation; close contacts yellow until their quarantine ends; people coming
 * from a risk area yellow for up to 7 days.
 */
const early2020Codes: CodeRuleSet = {
  id: 'CN-2020-codes',
  rulePrefix: 'CN-2020-codes',
  title: 'Early-2020 health-code colours (Hangzhou, Hubei)',
  protocolProfileIds: ['CN-P8-2021-05'],
  rules: [
    { key: 'case', input: 'case', stages: [{ colour: 'red', clearance: elapsed(14) }, { colour: 'yellow', clearance: elapsed(14) }], reasonKey: 'case' },
    { key: 'suspected', input: 'suspected-case', stages: [{ colour: 'red', clearance: negatives(2, 24, null) }, { colour: 'yellow', clearance: elapsed(14) }], reasonKey: 'suspected' },
    { key: 'close-contact', input: 'close-contact', stages: [{ colour: 'yellow', clearance: quarantineDone }], reasonKey: 'close-contact' },
    { key: 'area/visit', input: 'risk-area-visit', stages: [{ colour: 'yellow', clearance: elapsed(7) }], reasonKey: 'area-visit' },
  ],
};

/** Every built-in rule set, keyed by id. */
export const builtinCodeRuleSets: ReadonlyMap<string, CodeRuleSet> = new Map([p9Codes, twentyMeasuresCodes, early2020Codes].map((s) => [s.id, s]));

/**
 * The rule set belonging to a protocol profile, or null where that edition assigns no codes.
 * @param protocolProfileId - e.g. `CN-P9-2022-06-28`
 */
export function codeRuleSetFor(protocolProfileId: string): CodeRuleSet | null {
  for (const set of builtinCodeRuleSets.values()) if (set.protocolProfileIds.includes(protocolProfileId)) return set;
  return null;
}
