import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isDomainError } from '../errors/index.js';
import { readPublishedRiskAreas } from './published-risk-areas.js';
import { mapRiskAreaLevels, rankCounterparts, type LevelMappingContext, type MappedRiskAreaList } from './risk-level-mapping.js';

const P9 = ['high', 'medium', 'low'];

const area = (regionCode: string, level: string): Record<string, unknown> => ({
  regionCode,
  nameZh: '禅城区',
  nameEn: 'Chancheng',
  regionLevel: 'county',
  level,
  ruleId: `B/${level}`,
  since: '2026-03-01',
  dropsAt: null,
  infections: 3,
});
/** A published list: levels of the publisher's rule and, per area, its level. */
const published = (levels: readonly string[], areaLevels: readonly string[]): ReturnType<typeof readPublishedRiskAreas> =>
  readPublishedRiskAreas({ publisher: 'city-b', profileId: null, unitLevel: null, levels, areas: areaLevels.map((level, i) => area(`4406${String(i).padStart(4, '0')}`, level)) });
const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    assert.ok(isDomainError(error) && error.code === 'validation_failed', String(error));
    return error.message;
  }
  return 'accepted';
};
const levels = (list: MappedRiskAreaList): string[][] => list.areas.map((a) => [a.publishedLevel, a.level]);

describe('mapping the levels of an imported list to this instance\'s', () => {
  it('needs nothing for names already equal to ours', () => {
    const mapped = mapRiskAreaLevels(published(P9, ['high', 'medium']), { ours: P9 });
    assert.deepEqual(levels(mapped), [['high', 'high'], ['medium', 'medium']]);
    assert.deepEqual(mapped.levelMapping.map((m) => [m.published, m.level, m.match, m.areas]), [['high', 'high', 'same-name', 1], ['medium', 'medium', 'same-name', 1]]);
  });

  it('maps by rank when the publisher lists its levels under other names', () => {
    const mapped = mapRiskAreaLevels(published(['高风险', '中风险', '低风险'], ['中风险', '高风险', '中风险', '低风险']), { ours: P9 });
    assert.deepEqual(levels(mapped), [['中风险', 'medium'], ['高风险', 'high'], ['中风险', 'medium']]);
    assert.equal(mapped.backgroundAreas, 1, 'the publisher\'s background level is left out as before');
    assert.deepEqual(mapped.levelMapping.map((m) => [m.published, m.level, m.match, m.areas]), [['高风险', 'high', 'rank', 1], ['中风险', 'medium', 'rank', 2]]);
  });

  it('pairs only the highest and the background levels by rank when the rules have different numbers of levels', () => {
    assert.deepEqual(rankCounterparts(['red', 'green'], P9).byName, new Map([['red', 'high'], ['green', 'low']]));
    assert.deepEqual(rankCounterparts(['高', '中', '低'], ['high', 'low']).byName, new Map([['高', 'high'], ['低', 'low']]));
    assert.equal(
      refusal(() => mapRiskAreaLevels(published(['高', '中', '低'], ['中', '中']), { ours: ['high', 'low'] })),
      'The risk-area list is not valid: areas.0.level: level "中" (2 areas) is none of this instance\'s levels (high, low) and the publisher has 3 levels and this instance 2, so only the highest and the background pair by rank; give a level mapping for it',
    );
  });

  it('trusts neither ranks nor the clashing name when the publisher ranks one of our names otherwise', () => {
    const clash = rankCounterparts(['severe', 'high', 'low'], P9);
    assert.deepEqual([clash.byName.size, [...clash.clashes]], [0, ['high']]);
    assert.equal(
      refusal(() => mapRiskAreaLevels(published(['high', 'low', 'none'], ['high', 'low']), { ours: P9 })),
      'The risk-area list is not valid: areas.1.level: level "low" (1 area) is named as one of this instance\'s levels but the list\'s levels (high, low, none) rank "low" otherwise than this instance\'s (high, medium, low), so ranks are not matched; give a level mapping for it',
    );
    assert.match(refusal(() => mapRiskAreaLevels(published(['severe', 'high', 'low'], ['severe']), { ours: P9 })), /level "severe" \(1 area\) is none of this instance's levels .* rank "high" otherwise/);
    const given = mapRiskAreaLevels(published(['high', 'low', 'none'], ['high', 'low']), { ours: P9, given: { low: 'medium' } });
    assert.deepEqual(levels(given), [['high', 'high'], ['low', 'medium']]);
  });

  it('the importer\'s mapping wins over names and ranks, and may map to our background level, which leaves the area out', () => {
    const mapped = mapRiskAreaLevels(published(['sealed', 'controlled', 'prevention'], ['sealed', 'controlled']), { ours: P9, given: { controlled: 'high', prevention: 'low' } });
    assert.deepEqual(levels(mapped), [['sealed', 'high'], ['controlled', 'high']]);
    assert.deepEqual(mapped.levelMapping.map((m) => m.match), ['rank', 'given']);
    const quiet = mapRiskAreaLevels(published(['high', 'medium', 'low'], ['high', 'medium']), { ours: P9, given: { medium: 'low' } });
    assert.deepEqual([levels(quiet), quiet.backgroundAreas], [[['high', 'high']], 1]);
  });

  it('refuses a mapping to a level this instance does not know, naming it', () => {
    assert.equal(
      refusal(() => mapRiskAreaLevels(published([], ['高风险']), { ours: P9, given: { 高风险: 'red' } })),
      'The risk-area list is not valid: levelMap.高风险: "red" is not a level of this instance (high, medium, low)',
    );
  });

  it('a CSV-like list without levels needs a mapping for every name not ours', () => {
    assert.equal(
      refusal(() => mapRiskAreaLevels(published([], ['high', '高风险']), { ours: P9 })),
      'The risk-area list is not valid: areas.1.level: level "高风险" (1 area) is none of this instance\'s levels (high, medium, low) and the list gives no levels to match by rank; give a level mapping for it',
    );
  });

  it('keeps the names as published when this instance has no area rule in force', () => {
    const mapped = mapRiskAreaLevels(published([], ['红']), { ours: [] });
    assert.deepEqual([levels(mapped), mapped.levelMapping[0]?.match], [[['红', '红']], 'as-published']);
  });

  const name = fc.stringMatching(/^[a-z\u9ad8\u4e2d\u4f4e\u98ce\u9669]{1,6}$/);
  const ours = fc.uniqueArray(name, { minLength: 2, maxLength: 5 });

  it('any list whose level names are all mapped imports, each area at the level given for its name', () => {
    fc.assert(
      fc.property(ours, fc.uniqueArray(name, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), fc.array(fc.nat()), (oursLevels, names, picks, targets) => {
        const given = Object.fromEntries(names.map((n, i) => [n, oursLevels[(targets[i] ?? i) % oursLevels.length]!]));
        const areaLevels = picks.map((p) => names[p % names.length]!);
        const mapped = mapRiskAreaLevels(published([], areaLevels), { ours: oursLevels, given });
        const background = oursLevels[oursLevels.length - 1];
        const kept = areaLevels.filter((l) => given[l] !== background);
        assert.deepEqual(levels(mapped), kept.map((l) => [l, given[l]]));
        assert.equal(mapped.areas.length + mapped.backgroundAreas, areaLevels.length);
        assert.ok(mapped.areas.every((a) => oursLevels.includes(a.level)));
      }),
    );
  });

  it('any name that maps to nothing is refused, naming it and the levels this instance knows', () => {
    fc.assert(
      fc.property(ours, name, fc.array(fc.nat(), { maxLength: 5 }), fc.nat(), (oursLevels, unknown, picks, at) => {
        fc.pre(!oursLevels.includes(unknown));
        const areaLevels = picks.map((p) => oursLevels[p % oursLevels.length]!);
        areaLevels.splice(at % (areaLevels.length + 1), 0, unknown);
        const context: LevelMappingContext = { ours: oursLevels };
        const message = refusal(() => mapRiskAreaLevels(published([], areaLevels), context));
        assert.ok(message.includes(`level "${unknown}"`), message);
        assert.ok(message.includes(`(${oursLevels.join(', ')})`), message);
        assert.ok(message.includes(`areas.${areaLevels.indexOf(unknown)}.level`), message);
      }),
    );
  });

  it('levels listed in the same order under other names map by rank, one to one when the rules have as many levels', () => {
    fc.assert(
      fc.property(ours, (oursLevels) => {
        const theirs = oursLevels.map((l) => `${l}-b`);
        const mapped = mapRiskAreaLevels(published(theirs, theirs.slice(0, -1)), { ours: oursLevels });
        assert.deepEqual(mapped.areas.map((a) => a.level), oursLevels.slice(0, -1));
        assert.ok(mapped.levelMapping.every((m) => m.match === 'rank'));
      }),
    );
  });
});
