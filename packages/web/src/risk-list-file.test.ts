import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImportedRiskArea } from './judgment-api.js';
import { countByLevel, currentLevelMap, readRiskListFile } from './risk-list-file.js';

const csv = 'region_code,name_zh,name_en,region_level,level,rule_id,since,drops_at,infections\r\n441900,东莞市,Dongguan,city,medium,N/medium,2026-03-05,,9\r\n';

describe('readRiskListFile', () => {
  it('sends a .csv file as CSV with the file name as source and the trimmed publisher', () => {
    assert.deepEqual(readRiskListFile({ name: 'national.CSV', type: '', text: csv }, '  national '), { ok: true, body: { source: 'national.CSV', publisher: 'national', csv } });
  });

  it('takes a file the browser typed text/csv as CSV whatever its name', () => {
    const reading = readRiskListFile({ name: 'list', type: 'text/csv', text: csv }, 'national');
    assert.ok(reading.ok && 'csv' in reading.body);
  });

  it('parses anything else as JSON and leaves a blank publisher out', () => {
    const list = { publisher: 'city-b', profileId: null, unitLevel: null, levels: [], areas: [] };
    assert.deepEqual(readRiskListFile({ name: 'city-b.json', type: 'application/json', text: JSON.stringify(list) }, '   '), { ok: true, body: { source: 'city-b.json', list } });
  });

  it('sends the level mapping typed in the form, and none when it is empty', () => {
    assert.deepEqual(readRiskListFile({ name: 'p.csv', type: '', text: csv }, 'province', { 中风险: 'medium' }), { ok: true, body: { source: 'p.csv', publisher: 'province', levelMap: { 中风险: 'medium' }, csv } });
    assert.ok(!('levelMap' in (readRiskListFile({ name: 'p.csv', type: '', text: csv }, 'province', {}) as { body: object }).body));
  });

  it('says why a file that is neither CSV nor JSON cannot be sent', () => {
    const reading = readRiskListFile({ name: 'list.txt', type: 'text/plain', text: 'region_code,level' }, '');
    assert.equal(reading.ok, false);
    assert.ok(!reading.ok && reading.reason.length > 0);
  });
});

describe('countByLevel', () => {
  it('orders by the publisher\'s levels, then undeclared ones by first appearance, and skips empty levels', () => {
    const areas = [{ level: 'medium' }, { level: 'zone-x' }, { level: 'high' }, { level: 'medium' }, { level: 'zone-a' }];
    assert.deepEqual(countByLevel(['high', 'medium', 'low'], areas), [
      { level: 'high', count: 1, publishedAs: [] },
      { level: 'medium', count: 2, publishedAs: [] },
      { level: 'zone-x', count: 1, publishedAs: [] },
      { level: 'zone-a', count: 1, publishedAs: [] },
    ]);
  });

  it('counts a CSV list, which declares no levels, in order of appearance', () => {
    assert.deepEqual(countByLevel([], [{ level: 'medium' }, { level: 'high' }]), [
      { level: 'medium', count: 1, publishedAs: [] },
      { level: 'high', count: 1, publishedAs: [] },
    ]);
  });

  it('counts imported areas by this instance\'s level, in the order of the publisher\'s names, keeping those names', () => {
    const areas = [
      { level: 'high', publishedLevel: 'controlled' },
      { level: 'high', publishedLevel: 'sealed' },
      { level: 'medium', publishedLevel: 'medium' },
    ];
    assert.deepEqual(countByLevel(['sealed', 'controlled', 'medium', 'prevention'], areas), [
      { level: 'high', count: 2, publishedAs: ['controlled', 'sealed'] },
      { level: 'medium', count: 1, publishedAs: [] },
    ]);
  });
});

describe('currentLevelMap', () => {
  const area = (level: string, publishedLevel: string): ImportedRiskArea => ({
    regionCode: '440605',
    nameZh: '南海区',
    nameEn: 'Nanhai',
    regionLevel: 'county',
    level,
    publishedLevel,
    ruleId: `GD/${publishedLevel}`,
    since: '2026-03-02',
    dropsAt: null,
    infections: 1,
  });
  it('pairs each published name the areas carry with our level, in the publisher\'s order, undeclared names last', () => {
    const areas = [area('medium', 'orange'), area('high', 'red'), area('medium', 'orange'), area('medium', 'amber')];
    assert.deepEqual(currentLevelMap({ levels: ['red', 'orange', 'green'], areas }), [
      ['red', 'high'],
      ['orange', 'medium'],
      ['amber', 'medium'],
    ]);
    assert.deepEqual(currentLevelMap({ levels: [], areas: [] }), []);
  });
});
