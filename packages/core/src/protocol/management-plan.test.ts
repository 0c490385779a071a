import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinProfile } from './builtin-profiles.js';
import { localMidnight, dayNumberOf } from './day-counting.js';
import { managementPlan } from './management-plan.js';

const at = (date: string, hour: number): number => localMidnight(dayNumberOf(date), 480) + hour * 3600;

describe('management plan', () => {
  it('CN-P9: 7 d centralised + 3 d home monitoring counted from the last exposure (day 0)', () => {
    const p = builtinProfile('CN-P9-2022-06-28');
    const plan = managementPlan(p.management.closeContact, p.dayCounting, at('2022-07-01', 23.5), 480, 'CN-P9/management/close');
    assert.equal(plan.lastExposureDate, '2022-07-01');
    assert.equal(plan.centralisedUntil, '2022-07-08');
    assert.equal(plan.homeUntil, '2022-07-11');
    assert.equal(plan.endDate, '2022-07-11');
    assert.deepEqual(plan.tests.map((t) => `${t.phase}:${t.day}:${t.date}`), [
      'centralised:1:2022-07-02',
      'centralised:2:2022-07-03',
      'centralised:3:2022-07-04',
      'centralised:5:2022-07-06',
      'centralised:7:2022-07-08',
      'home:10:2022-07-11',
    ]);
  });

  it('uses the local calendar day of the last exposure (UTC+8 shifts the date)', () => {
    const p = builtinProfile('CN-P9-2022-06-28');
    // 2022-07-01T17:00Z is 2022-07-02T01:00+08:00
    const plan = managementPlan(p.management.closeContact, p.dayCounting, Date.UTC(2022, 6, 1, 17) / 1000, 480, 'r');
    assert.equal(plan.lastExposureDate, '2022-07-02');
  });

  it('with day 1 = exposure day, everything moves one day earlier', () => {
    const p = builtinProfile('CN-P9-2022-06-28');
    const plan = managementPlan(p.management.closeContact, { lastExposureDay: 1 }, at('2022-07-01', 12), 480, 'r');
    assert.equal(plan.centralisedUntil, '2022-07-07');
    assert.equal(plan.tests[0]?.date, '2022-07-01');
  });

  it('CN-10N: home isolation only; CN-ClassB: nothing', () => {
    const n = builtinProfile('CN-10N-2022-12-07');
    const plan = managementPlan(n.management.closeContact, n.dayCounting, at('2022-12-10', 9), 480, 'r');
    assert.equal(plan.centralisedUntil, null);
    assert.equal(plan.homeUntil, '2022-12-15');
    assert.deepEqual(plan.tests, [{ phase: 'home', day: 5, date: '2022-12-15' }]);
    const b = builtinProfile('CN-ClassB-2023-01-08');
    assert.equal(managementPlan(b.management.closeContact, b.dayCounting, at('2023-01-10', 9), 480, 'r').endDate, null);
  });
});

describe('calendar dates', () => {
  it('dateOfDayNumber inverts dayNumberOf across leap years and centuries', async () => {
    const { dateOfDayNumber } = await import('./day-counting.js');
    for (let day = -25_000; day < 60_000; day += 97) assert.equal(dateOfDayNumber(day), new Date(day * 86_400_000).toISOString().slice(0, 10));
    assert.equal(dateOfDayNumber(dayNumberOf('2024-02-29')), '2024-02-29');
  });
});
