import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gridTaskHash, importsHash, parseHash, progressHash, sectionOf } from './hash-route.js';

describe('hash routes of the grid app and the progress view', () => {
  it('parses the task list and one task', () => {
    assert.deepEqual(parseHash('#/grid'), { name: 'grid', taskId: null });
    assert.deepEqual(parseHash('#/grid/'), { name: 'grid', taskId: null });
    assert.deepEqual(parseHash(gridTaskHash(42)), { name: 'grid', taskId: 42 });
    assert.deepEqual(parseHash('#/grid/task/x'), { name: 'home' });
  });

  it('round-trips a progress drill-down trail', () => {
    assert.deepEqual(parseHash(progressHash([])), { name: 'progress', trail: [] });
    assert.deepEqual(parseHash(progressHash(['990101001', '990101001001'])), { name: 'progress', trail: ['990101001', '990101001001'] });
    assert.equal(sectionOf(parseHash('#/progress/990101')), 'progress');
    assert.equal(sectionOf(parseHash('#/grid/task/1')), 'grid');
  });

  it('parses the imports page as a section of its own', () => {
    assert.deepEqual(parseHash(importsHash), { name: 'imports' });
    assert.equal(sectionOf(parseHash('#/imports/')), 'imports');
  });
});
