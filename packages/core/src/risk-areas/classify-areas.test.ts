import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isDomainError } from '../errors/index.js';
import { builtinRiskAreaProfile, builtinRiskAreaProfiles, riskAreaProfileFor } from './builtin-risk-profiles.js';
import { classifyAreas } from './classify-areas.js';
import type { AreaCaseFact, RiskAreaProfile } from './risk-area-profile.js';
import { parseRiskAreaProfile } from './risk-area-profile-schema.js';

/** Noon of a local (+08:00) day, in epoch seconds. */
const noon = (day: string): number => Date.parse(`${day}T12:00:00+08:00`) / 1000;
const local = (iso: string): number => Date.parse(iso) / 1000;
let nextId = 1;
const infection = (day: string, over: Partial<AreaCaseFact> = {}): AreaCaseFact => ({
  caseId: nextId++,
  areaPath: 'r1.a',
  day,
  role: 'residence',
  settingKey: null,
  community: true,
  ...over,
});
const only = (facts: AreaCaseFact[], profile: RiskAreaProfile, at: number): ReturnType<typeof classifyAreas>[number] => {
  const levels = classifyAreas(facts, profile, at);
  assert.equal(levels.length, 1);
  return levels[0]!;
};

describe('area risk profiles', () => {
  it('ships the four built-ins, each valid, linked to their protocol editions', () => {
    assert.deepEqual([...builtinRiskAreaProfiles.keys()], ['CN-2020-02-county', 'CN-P9-areas', 'SH-2022-three-zones', 'CN-20M-areas']);
    for (const profile of builtinRiskAreaProfiles.values()) assert.deepEqual(parseRiskAreaProfile(JSON.parse(JSON.stringify(profile))), profile);
    assert.equal(riskAreaProfileFor('CN-P9-2022-06-28')?.id, 'CN-P9-areas');
    assert.equal(riskAreaProfileFor('CN-20M-2022-11-11')?.id, 'CN-20M-areas');
    assert.equal(riskAreaProfileFor('CN-ClassB-2023-01-08'), null);
  });

  it('refuses a profile whose level has no way down, naming the field', () => {
    const bad = JSON.parse(JSON.stringify(builtinRiskAreaProfile('CN-P9-areas')));
    bad.model.downgrades = bad.model.downgrades.slice(1);
    assert.throws(() => parseRiskAreaProfile(bad), (e: unknown) => isDomainError(e) && /model\.downgrades: level high has no downgrade step/.test(e.message));
  });
});

describe('9th edition timers', () => {
  const p9 = builtinRiskAreaProfile('CN-P9-areas');
  it('a residence is high for 7 quiet days, medium for 3 more, then low', () => {
    const facts = [infection('2026-03-01')];
    const high = only(facts, p9, noon('2026-03-08'));
    assert.deepEqual([high.level, high.since, high.dropsAt, high.ruleId], ['high', '2026-03-01', '2026-03-09', 'CN-P9-areas/high/designated']);
    assert.deepEqual(high.reasonCaseIds, [facts[0]!.caseId]);
    const medium = only(facts, p9, noon('2026-03-09'));
    assert.deepEqual([medium.level, medium.since, medium.dropsAt, medium.ruleId], ['medium', '2026-03-09', '2026-03-12', 'CN-P9-areas/medium/downgraded']);
    const low = only(facts, p9, noon('2026-03-12'));
    assert.deepEqual([low.level, low.background, low.dropsAt, low.reasonCaseIds], ['low', true, null, []]);
  });

  it('drops exactly at local midnight, not at UTC midnight', () => {
    const facts = [infection('2026-03-01')];
    assert.equal(only(facts, p9, local('2026-03-08T23:59:59+08:00')).level, 'high');
    assert.equal(only(facts, p9, local('2026-03-09T00:00:00+08:00')).level, 'medium');
    assert.equal(only(facts, p9, local('2026-03-08T16:30:00Z')).level, 'medium', '00:30 local on the 9th');
  });

  it('a new infection resets the clock, in high and in a downgraded medium', () => {
    const facts = [infection('2026-03-01'), infection('2026-03-05')];
    const high = only(facts, p9, noon('2026-03-10'));
    assert.deepEqual([high.level, high.since, high.dropsAt], ['high', '2026-03-01', '2026-03-13']);
    assert.equal(high.reasonCaseIds.length, 2);
    const visit = [infection('2026-03-01'), infection('2026-03-10', { role: 'activity' })];
    // The visit designates the downgraded medium area again: a place where a case stayed needs 7 quiet
    // days, so an extra infection never lifts an area sooner than it would have been lifted without it.
    const medium = only(visit, p9, noon('2026-03-11'));
    assert.deepEqual([medium.level, medium.since, medium.dropsAt, medium.ruleId], ['medium', '2026-03-10', '2026-03-18', 'CN-P9-areas/medium/designated']);
  });

  it('an area designated medium directly needs 7 quiet days, not 3', () => {
    const level = only([infection('2026-03-01', { role: 'activity' })], p9, noon('2026-03-02'));
    assert.deepEqual([level.level, level.dropsAt, level.ruleId], ['medium', '2026-03-09', 'CN-P9-areas/medium/designated']);
  });

  it('ignores infections after the instant evaluated', () => {
    assert.equal(classifyAreas([infection('2026-03-05')], p9, noon('2026-03-04'))[0]!.level, 'low');
  });

  it('counts only community infections when the profile says so', () => {
    const community: RiskAreaProfile = { ...p9, newInfection: 'community' };
    assert.deepEqual(classifyAreas([infection('2026-03-01', { community: false })], community, noon('2026-03-02')), []);
  });
});

describe('20 measures and Shanghai timers', () => {
  it('20 measures: high for 5 quiet days, then low; visits designate nothing', () => {
    const m20 = builtinRiskAreaProfile('CN-20M-areas');
    assert.equal(only([infection('2026-03-01')], m20, local('2026-03-06T23:59:59+08:00')).level, 'high');
    assert.equal(only([infection('2026-03-01')], m20, local('2026-03-07T00:00:00+08:00')).level, 'low');
    assert.equal(only([infection('2026-03-01', { role: 'activity' })], m20, noon('2026-03-01')).level, 'low');
  });

  it('Shanghai: sealed → controlled after 7 quiet days → prevention after 7 more; a positive restarts', () => {
    const sh = builtinRiskAreaProfile('SH-2022-three-zones');
    const facts = [infection('2026-04-01')];
    assert.deepEqual([only(facts, sh, noon('2026-04-08')).level, only(facts, sh, noon('2026-04-08')).dropsAt], ['sealed', '2026-04-09']);
    assert.deepEqual([only(facts, sh, noon('2026-04-09')).level, only(facts, sh, noon('2026-04-09')).dropsAt], ['controlled', '2026-04-16']);
    assert.equal(only(facts, sh, noon('2026-04-16')).level, 'prevention');
    const again = [...facts, infection('2026-04-12')];
    const level = only(again, sh, noon('2026-04-12'));
    assert.deepEqual([level.level, level.since, level.dropsAt], ['sealed', '2026-04-12', '2026-04-20']);
  });
});

describe('February 2020 county rule', () => {
  const county = parseRiskAreaProfile({ ...JSON.parse(JSON.stringify(builtinRiskAreaProfile('CN-2020-02-county'))), model: { ...builtinRiskAreaProfile('CN-2020-02-county').model, cumulativeThreshold: 3 } });
  it('medium with recent cases, high over the threshold with a cluster, low after 14 quiet days', () => {
    const facts = [infection('2026-03-01'), infection('2026-03-01'), infection('2026-03-01')];
    const medium = only(facts, county, noon('2026-03-02'));
    assert.deepEqual([medium.level, medium.since, medium.dropsAt], ['medium', '2026-03-01', '2026-03-15']);
    facts.push(infection('2026-03-02', { settingKey: 'household:7' }), infection('2026-03-02', { settingKey: 'household:7' }));
    const high = only(facts, county, noon('2026-03-03'));
    assert.deepEqual([high.level, high.since, high.dropsAt, high.ruleId], ['high', '2026-03-02', '2026-03-16', 'CN-2020-02/high/cumulative-and-cluster']);
    assert.equal(only(facts, county, noon('2026-03-16')).level, 'low');
  });

  it('a later case without a cluster keeps it medium once the cluster leaves the window', () => {
    const facts = [1, 2, 3].map(() => infection('2026-03-01'));
    facts.push(infection('2026-03-02', { settingKey: 'h' }), infection('2026-03-02', { settingKey: 'h' }), infection('2026-03-10'));
    const level = only(facts, county, noon('2026-03-16'));
    assert.deepEqual([level.level, level.since, level.dropsAt], ['medium', '2026-03-16', '2026-03-24']);
  });
});

describe('area classification properties', () => {
  const p9 = builtinRiskAreaProfile('CN-P9-areas');
  const dayArb = fc.integer({ min: 1, max: 28 }).map((d) => `2026-02-${String(d).padStart(2, '0')}`);
  const factsArb = fc.array(fc.record({ day: dayArb, activity: fc.boolean() }), { maxLength: 12 });
  it('is a pure function of facts and time, independent of fact order', () => {
    fc.assert(
      fc.property(factsArb, fc.integer({ min: 1, max: 40 }), (raw, offset) => {
        const facts = raw.map((r, i) => infection(r.day, { caseId: i + 1, role: r.activity ? 'activity' : 'residence' }));
        const at = noon('2026-02-01') + offset * 86_400;
        assert.deepEqual(classifyAreas(facts, p9, at), classifyAreas([...facts].reverse(), p9, at));
      }),
    );
  });
  it('adding a residence infection never lowers the level', () => {
    fc.assert(
      fc.property(factsArb, dayArb, fc.integer({ min: 1, max: 40 }), (raw, extra, offset) => {
        const facts = raw.map((r, i) => infection(r.day, { caseId: i + 1, role: r.activity ? 'activity' : 'residence' }));
        const at = noon('2026-02-01') + offset * 86_400;
        const rank = (fs: AreaCaseFact[]): number => p9.model.levels.indexOf(classifyAreas(fs, p9, at)[0]?.level ?? 'low');
        assert.ok(rank([...facts, infection(extra, { caseId: 999 })]) <= rank(facts));
      }),
    );
  });
});
