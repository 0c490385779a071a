import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluate } from './evaluate.js';
import type { PlatformFindings, TruthInfection } from './evaluate.js';

const t = (infectee: string, infector: string | null, infectedAt: string, onsetDate: string | null, recorded = true): TruthInfection => ({ infectee, infector, setting: 'household', place: 'HH-1', infectedAt, onsetDate, recorded });

const truth: TruthInfection[] = [
  t('A', null, '2026-03-01T08:00:00+08:00', '2026-03-04'),
  t('B', 'A', '2026-03-03T20:00:00+08:00', '2026-03-08'),
  t('C', 'A', '2026-03-04T12:00:00+08:00', null, false),
  t('D', 'B', '2026-03-09T12:00:00+08:00', '2026-03-13'),
];

describe('evaluate', () => {
  it('measures control, quarantine and traced links against the truth', () => {
    const findings: PlatformFindings = {
      cases: [
        { residentId: 'A', reportedAt: '2026-03-05T10:00:00+08:00', samplingDate: '2026-03-05', onsetDate: '2026-03-04' },
        { residentId: 'B', reportedAt: '2026-03-09T10:00:00+08:00', samplingDate: '2026-03-09', onsetDate: '2026-03-08' },
        { residentId: 'C', reportedAt: '2026-03-07T10:00:00+08:00', samplingDate: '2026-03-07', onsetDate: null },
      ],
      contacts: [
        { caseResidentId: 'A', contactResidentId: 'B', listedAt: '2026-03-05T18:00:00+08:00' },
        { caseResidentId: 'A', contactResidentId: 'X', listedAt: '2026-03-05T18:00:00+08:00' },
      ],
      restrictions: [
        { residentId: 'B', kind: 'quarantine', from: '2026-03-06T10:00:00+08:00' },
        { residentId: 'X', kind: 'home_isolation', from: '2026-03-05T22:00:00+08:00', until: '2026-03-19T22:00:00+08:00' },
        { residentId: 'A', kind: 'isolation', from: '2026-03-05T10:00:00+08:00' },
      ],
    };
    const { overall, days, notes } = evaluate(truth, findings);
    assert.equal(overall.trueInfections, 4);
    assert.equal(overall.recordedShare, 0.75);
    assert.equal(overall.casesFound, 3);
    // B (listed on 03-05, onset 03-08) was controlled; C (sampled 03-07) was not.
    assert.equal(overall.infecteesBecameCases, 2);
    assert.equal(overall.alreadyControlled, 1);
    assert.equal(overall.shareAlreadyControlled, 0.5);
    assert.equal(overall.quarantined, 2);
    assert.equal(overall.quarantinedPerInfection, 0.5);
    assert.deepEqual(overall.hoursToControlContacts, { contacts: 2, controlled: 2, median: 18, mean: 18 });
    // Recorded pairs with a found infector: A→B (traced) and B→D (not); A→C was not recorded.
    assert.deepEqual(overall.links, { traced: 2, true: 3, truePositive: 1, recall: 1 / 3, precision: 0.5, trueRecorded: 2, trueRecordedFound: 1, recallRecorded: 0.5, trueRuleRecorded: 0, trueRuleRecordedFound: 0, recallRuleRecorded: null });
    // No recorded_by in these rows (an older run): none counts as recorded where the contact rules look.
    assert.deepEqual(days.map((d) => d.date), ['2026-03-01', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09']);
    assert.equal(days.find((d) => d.date === '2026-03-08')!.alreadyControlled, 1);
    assert.deepEqual(notes, []);
  });

  it('says so when there are no traced links instead of inventing figures', () => {
    const { overall, notes } = evaluate(truth, { cases: [], contacts: [], restrictions: [] });
    assert.equal(overall.links.recall, null);
    assert.equal(overall.links.precision, null);
    assert.equal(overall.links.recallRecorded, null);
    assert.equal(overall.hoursToControlContacts.median, null);
    assert.equal(overall.shareAlreadyControlled, null);
    assert.ok(notes.some((n) => n.startsWith('no traced links yet')), 'explains the missing figures');
  });

  it('measures recallRecorded only over recorded pairs whose infector the platform found', () => {
    const truth: TruthInfection[] = [
      t('P', null, '2026-03-01T08:00:00+08:00', '2026-03-04'), // seed: no pair
      t('Q', 'P', '2026-03-02T09:00:00+08:00', '2026-03-06'), // recorded, infector found, traced
      t('R', 'P', '2026-03-02T10:00:00+08:00', '2026-03-07'), // recorded, infector found, traced the wrong way round only
      t('S', 'P', '2026-03-03T10:00:00+08:00', null, false), // not recorded, traced: counts for recall only
      t('U', 'Q', '2026-03-03T12:00:00+08:00', '2026-03-08'), // recorded, infector found, not traced
      t('V', 'W', '2026-03-03T14:00:00+08:00', '2026-03-08'), // recorded, infector never found, traced
    ];
    const found = (residentId: string): PlatformFindings['cases'][number] => ({ residentId, reportedAt: '2026-03-05T10:00:00+08:00', samplingDate: '2026-03-05', onsetDate: null });
    const listed = (caseResidentId: string, contactResidentId: string): PlatformFindings['contacts'][number] => ({ caseResidentId, contactResidentId, listedAt: '2026-03-05T18:00:00+08:00' });
    const findings: PlatformFindings = {
      cases: [found('P'), found('Q'), found('R')],
      contacts: [listed('P', 'Q'), listed('P', 'Q'), listed('R', 'P'), listed('P', 'S'), listed('W', 'V')],
      restrictions: [],
    };
    const { overall, days } = evaluate(truth, findings);
    // Traceable: P→Q, P→R, Q→U; of those only P→Q was traced in the right direction.
    assert.equal(overall.links.trueRecorded, 3);
    assert.equal(overall.links.trueRecordedFound, 1);
    assert.equal(overall.links.recallRecorded, 1 / 3);
    // The plain recall still counts every true pair: P→Q, P→S and W→V of 5.
    assert.equal(overall.links.recall, 3 / 5);
    assert.equal(overall.links.precision, 3 / 4);
    // Per day, by the day of infection.
    const on = (date: string): number | null | undefined => days.find((d) => d.date === date)?.links.recallRecorded;
    assert.equal(on('2026-03-01'), null, 'nothing to measure on the seed\'s day');
    assert.equal(on('2026-03-02'), 0.5);
    assert.equal(on('2026-03-03'), 0);
  });

  it('measures recallRuleRecorded over pairs recorded by registry, manifests or scans, not telecom alone', () => {
    const by = (infectee: string, recordedBy: string | null): TruthInfection => ({ ...t(infectee, 'P', '2026-03-02T09:00:00+08:00', '2026-03-06', recordedBy !== null), recordedBy });
    const truth = [t('P', null, '2026-03-01T09:00:00+08:00', '2026-03-04'), by('A', 'registry'), by('B', 'scans'), by('C', 'telecom'), by('D', 'manifest'), by('E', null)];
    const findings: PlatformFindings = {
      cases: [{ residentId: 'P', reportedAt: '2026-03-04T12:00:00+08:00', samplingDate: '2026-03-04', onsetDate: '2026-03-04' }],
      contacts: [{ caseResidentId: 'P', contactResidentId: 'A', listedAt: '2026-03-04T13:00:00+08:00' }, { caseResidentId: 'P', contactResidentId: 'B', listedAt: '2026-03-04T13:00:00+08:00' }],
      restrictions: [],
    };
    const links = evaluate(truth, findings).overall.links;
    assert.deepEqual([links.trueRecorded, links.trueRecordedFound], [4, 2]);
    assert.deepEqual([links.trueRuleRecorded, links.trueRuleRecordedFound, links.recallRuleRecorded], [3, 2, 2 / 3]);
  });
});
