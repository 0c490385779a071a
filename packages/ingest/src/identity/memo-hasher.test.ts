import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoHasher } from './memo-hasher.js';

describe('MemoHasher', () => {
  it('hashes each distinct identifier once, and starts over when full', () => {
    const calls: string[] = [];
    const memo = new MemoHasher({ hash: (v) => (calls.push(v), `h(${v})`) }, 2);
    assert.deepEqual(['a', 'b', 'a', 'b', 'a'].map((v) => memo.hash(v)), ['h(a)', 'h(b)', 'h(a)', 'h(b)', 'h(a)']);
    assert.deepEqual(calls, ['a', 'b']);
    memo.hash('c');
    memo.hash('a');
    assert.deepEqual(calls, ['a', 'b', 'c', 'a'], 'full: forgot and hashed again');
  });
});
