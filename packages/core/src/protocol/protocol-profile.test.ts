import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDomainError } from '../errors/index.js';
import { builtinProfile, builtinProfiles } from './builtin-profiles.js';
import { checkProfile, parseProfile } from './parse-profile.js';
import { ruleId } from './rule-ids.js';

const clone = (id: string): any => JSON.parse(JSON.stringify(builtinProfile(id)));

describe('protocol profiles', () => {
  it('ships the built-in profiles, each valid against the schema', () => {
    assert.deepEqual([...builtinProfiles.keys()], [
      'CN-P8-2021-05',
      'CN-P9-2022-06-28',
      'CN-20M-2022-11-11',
      'CN-10N-2022-12-07',
      'CN-ClassB-2023-01-08',
      'WHO-2021',
      'CDC-2020-10',
    ]);
    for (const profile of builtinProfiles.values()) assert.deepEqual(parseProfile(JSON.stringify(profile)), profile, profile.id);
  });

  it('encodes the edition differences of domain-rules §1–2', () => {
    assert.equal(builtinProfile('CN-P9-2022-06-28').subCloseContact.enabled, true);
    assert.equal(builtinProfile('CN-20M-2022-11-11').subCloseContact.enabled, false);
    assert.equal(builtinProfile('CN-ClassB-2023-01-08').closeContact.enabled, false);
    assert.equal(builtinProfile('CDC-2020-10').closeContact.venue.accumulation, 'cumulative-24h');
    assert.equal(builtinProfile('WHO-2021').closeContact.venue.accumulation, 'contiguous');
    assert.deepEqual(builtinProfile('CN-P9-2022-06-28').management.closeContact.centralisedTestDays, [1, 2, 3, 5, 7]);
    assert.equal(builtinProfile('CN-P8-2021-05').management.closeContact.centralisedDays, 14);
    assert.equal(builtinProfile('CN-P8-2021-05').closeContact.vehicle.planeRowRadius, 3);
  });

  it('aircraft rules: CN rows ± 3 with the whole cabin without HEPA; WHO/CDC the ECDC 2 rows × 2 seats', () => {
    const cn = builtinProfile('CN-P9-2022-06-28').closeContact.vehicle;
    assert.deepEqual([cn.planeRowRadius, cn.planeSeatRadius, cn.planeWithoutHepa], [3, null, 'whole-cabin']);
    const who = builtinProfile('WHO-2021').closeContact.vehicle;
    assert.deepEqual([who.planeRowRadius, who.planeSeatRadius, who.planeWithoutHepa], [2, 2, 'seating']);
  });

  it('a profile file without the aircraft switches reads as before them (seating rule, whole rows)', () => {
    const old = clone('CN-P9-2022-06-28');
    delete old.closeContact.vehicle.planeSeatRadius;
    delete old.closeContact.vehicle.planeWithoutHepa;
    const parsed = parseProfile(old);
    assert.equal(parsed.closeContact.vehicle.planeSeatRadius, null);
    assert.equal(parsed.closeContact.vehicle.planeWithoutHepa, 'seating');
    const bad = clone('CN-P9-2022-06-28');
    bad.closeContact.vehicle.planeWithoutHepa = 'open-window';
    const check = checkProfile(bad);
    assert.ok(check.kind === 'invalid' && check.issues.some((i) => i.path === 'closeContact.vehicle.planeWithoutHepa'));
  });

  it('a tolerance around planned test days is data: absent in the built-ins (none), stated by a profile file, bounded', () => {
    for (const profile of builtinProfiles.values()) assert.equal(profile.management.testDayToleranceHours, undefined, profile.id);
    const lenient = clone('CN-P9-2022-06-28');
    lenient.management.testDayToleranceHours = 6;
    assert.equal(parseProfile(lenient).management.testDayToleranceHours, 6);
    lenient.management.testDayToleranceHours = 36;
    const check = checkProfile(lenient);
    assert.ok(check.kind === 'invalid' && check.issues.some((i) => i.path === 'management.testDayToleranceHours'));
  });

  it('names rules with the profile prefix', () => {
    assert.equal(ruleId(builtinProfile('CN-P9-2022-06-28'), 'close/venue'), 'CN-P9/close/venue');
  });

  it('reports every problem with its field path and reason', () => {
    const bad = clone('CN-P9-2022-06-28');
    bad.closeContact.venue.threshold.minutes = -1;
    bad.companion.dwell = { kind: 'xor', hours: 30 };
    bad.management.closeContact.centralisedTestDays = [1, 9];
    bad.extra = true;
    const check = checkProfile(bad);
    assert.equal(check.kind, 'invalid');
    const paths = check.kind === 'invalid' ? check.issues.map((i) => i.path) : [];
    assert.ok(paths.includes('closeContact.venue.threshold.minutes'), paths.join());
    assert.ok(paths.includes('companion.dwell.kind'), paths.join());
    assert.ok(paths.includes('management.closeContact.centralisedTestDays.1'), paths.join());
    assert.ok(paths.includes(''), 'unknown key at the root');
  });

  it('parseProfile throws a validation_failed DomainError listing the issues', () => {
    const bad = clone('WHO-2021');
    bad.subCloseContact.enabled = true;
    assert.throws(() => parseProfile(bad), (error: unknown) => {
      assert.ok(isDomainError(error));
      assert.equal(error.code, 'validation_failed');
      assert.match(error.message, /management\.subCloseContact: required when sub-close contacts are identified/);
      return true;
    });
    assert.throws(() => parseProfile('{oops'), /not JSON/);
  });

  it('returns a frozen profile', () => {
    const p = parseProfile(clone('CN-P9-2022-06-28'));
    assert.ok(Object.isFrozen(p.closeContact.venue.threshold));
  });
});
