import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DemoDriver, evaluate, generateCity, readTruth } from '@epigrid/sim';
import type { TruthInfection } from '@epigrid/sim';
import { formatEvaluation, readFindings, simEvaluate } from './sim-evaluate.js';

describe('epigrid sim evaluate', () => {
  it('evaluates a run honestly: cases and the intervention log, and no traced links yet', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'epigrid-eval-'));
    try {
      const city = generateCity({ seed: 3, people: 2_000 });
      await new DemoDriver({ city, config: { seed: 3, seeds: 30, careSeekingShare: 1 }, outDir, days: 10, ingestDay: async () => {} }).run();
      const findings = readFindings(outDir);
      assert.deepEqual(findings.contacts, []);
      assert.ok(findings.cases.length > 0, 'cases were reported');
      assert.ok(findings.restrictions.every((r) => r.kind === 'isolation'), 'only the simulator\'s own case isolations');
      assert.equal(findings.restrictions.length, findings.cases.length);
      const evaluation = evaluate(readTruth(outDir), findings);
      assert.ok(evaluation.overall.trueInfections >= 30, 'the truth was read');
      const text = formatEvaluation(evaluation);
      assert.match(text, /no traced links yet/);
      assert.match(text, /overall/);
      assert.match(text.split('\n')[0]!, /recall +rec\.rec\. +rule\.rec +precis\./, 'recallRecorded and recallRuleRecorded have their columns');
      const json = join(outDir, 'figures.json');
      const log = console.log;
      console.log = () => {};
      try {
        await simEvaluate({ out: outDir, json, filesOnly: true });
      } finally {
        console.log = log;
      }
      const written = JSON.parse(readFileSync(json, 'utf8'));
      assert.equal(written.overall.links.recall, null);
      assert.equal(written.overall.links.recallRecorded, null);
      assert.equal(typeof written.overall.links.trueRecorded, 'number');
      assert.equal(written.overall.trueInfections, evaluation.overall.trueInfections);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('prints recallRecorded and recallRuleRecorded in their own columns', () => {
    const inf = (infectee: string, infector: string | null, recordedBy: string | null): TruthInfection => ({ infectee, infector, setting: 'household', place: 'HH-1', infectedAt: '2026-03-02T09:00:00+08:00', onsetDate: '2026-03-05', recorded: recordedBy !== null, recordedBy });
    const truth = [inf('A', null, 'registry'), inf('B', 'A', 'registry'), inf('C', 'A', 'telecom'), inf('D', 'A', null)];
    const evaluation = evaluate(truth, {
      cases: [{ residentId: 'A', reportedAt: '2026-03-03T10:00:00+08:00', samplingDate: '2026-03-03', onsetDate: null }],
      contacts: [{ caseResidentId: 'A', contactResidentId: 'B', listedAt: '2026-03-03T18:00:00+08:00' }],
      restrictions: [],
    });
    const lines = formatEvaluation(evaluation).split('\n');
    const overall = lines.find((l) => l.startsWith('overall'))!;
    // Columns are right-aligned 8 wide: read the row under each header.
    const under = (header: string): string => {
      const end = lines[0]!.indexOf(header) + header.length;
      return overall.slice(end - 8, end).trim();
    };
    assert.equal(under('recall'), '33.3%', 'recall: 1 of 3 true pairs');
    assert.equal(under('rec.rec.'), '50.0%', 'recallRecorded: 1 of the 2 recorded pairs');
    assert.equal(under('rule.rec'), '100.0%', 'recallRuleRecorded: 1 of the 1 pair recorded where the contact rules look');
    assert.equal(under('precis.'), '100.0%', 'precision');
  });
});
