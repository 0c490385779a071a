import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readLevelMapText } from './level-map-text.js';

describe('readLevelMapText', () => {
  it('reads pairs separated by commas, semicolons or lines, full-width ones too', () => {
    assert.deepEqual(readLevelMapText(' 高风险=high，中风险 ＝ medium;\nred=high '), { ok: true, levelMap: { 高风险: 'high', 中风险: 'medium', red: 'high' } });
  });

  it('reads blank text as no mapping, and splits a pair at its last equals sign', () => {
    assert.deepEqual(readLevelMapText('  \n '), { ok: true, levelMap: {} });
    assert.deepEqual(readLevelMapText('a=b=high'), { ok: true, levelMap: { 'a=b': 'high' } });
  });

  it('names the piece that is not a pair, and a level mapped to two of ours', () => {
    assert.deepEqual(readLevelMapText('高风险=high, 中风险'), { ok: false, problem: 'malformed', entry: '中风险' });
    assert.deepEqual(readLevelMapText('=high'), { ok: false, problem: 'malformed', entry: '=high' });
    assert.deepEqual(readLevelMapText('red=high, red=medium'), { ok: false, problem: 'twice', entry: 'red' });
    assert.deepEqual(readLevelMapText('red=high, red=high'), { ok: true, levelMap: { red: 'high' } });
  });
});
