import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DemoDriver, evaluate, generateCity, readTruth } from '@epigrid/sim';
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
      assert.equal(written.overall.trueInfections, evaluation.overall.trueInfections);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
