import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TruthInfection } from '@epigrid/sim';
import { formatJudgmentFigures, judgmentFigures } from './judgment-figures.js';

const infection = (infectee: string, infectedAt: string, onsetDate: string | null): TruthInfection => ({
  infectee,
  infector: null,
  setting: 'household',
  place: 'h1',
  infectedAt,
  onsetDate,
  recorded: true,
});

describe('judgment figures for sim evaluate', () => {
  const findings = {
    population: 100,
    colourChanges: [
      { residentId: 'A', colour: 'red' as const, at: '2026-03-01T23:59:59+08:00' },
      { residentId: 'B', colour: 'yellow' as const, at: '2026-03-02T23:59:59+08:00' },
      { residentId: 'A', colour: 'yellow' as const, at: '2026-03-03T23:59:59+08:00' },
      { residentId: 'B', colour: 'green' as const, at: '2026-03-03T23:59:59+08:00' },
    ],
    areaChanges: [
      { areaId: 1, level: 'high', background: false, at: '2026-03-01T23:59:59+08:00' },
      { areaId: 2, level: 'medium', background: false, at: '2026-03-02T23:59:59+08:00' },
      { areaId: 1, level: 'medium', background: false, at: '2026-03-03T23:59:59+08:00' },
      { areaId: 2, level: 'low', background: true, at: '2026-03-03T23:59:59+08:00' },
    ],
  };

  it('counts colours and risk areas at the end of each day', () => {
    const f = judgmentFigures([], findings, ['2026-03-01', '2026-03-02', '2026-03-03']);
    assert.deepEqual(f.days, [
      { date: '2026-03-01', red: 1, yellow: 0, green: 99, riskAreas: { high: 1 } },
      { date: '2026-03-02', red: 1, yellow: 1, green: 98, riskAreas: { high: 1, medium: 1 } },
      { date: '2026-03-03', red: 0, yellow: 1, green: 99, riskAreas: { medium: 1 } },
    ]);
  });

  it('finds infectees flagged when infected, or between infection and onset, and no others', () => {
    const f = judgmentFigures(
      [
        infection('A', '2026-03-02T10:00:00+08:00', null), // red when infected
        infection('B', '2026-03-02T10:00:00+08:00', '2026-03-05'), // yellow that evening, before onset
        infection('C', '2026-03-02T10:00:00+08:00', '2026-03-05'), // never flagged
        infection('B', '2026-03-04T10:00:00+08:00', '2026-03-04'), // green again, onset same day
      ],
      findings,
      [],
    );
    assert.deepEqual([f.flaggedAtInfection, f.flaggedBeforeOnset, f.symptomatic, f.flaggedEither, f.shareFlagged], [1, 1, 3, 2, 0.5]);
    assert.match(formatJudgmentFigures(f), /2\/4 \(50\.0%\)/);
  });
});
