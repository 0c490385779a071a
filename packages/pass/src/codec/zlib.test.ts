import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compressZlib, decompressZlib } from './zlib.js';

describe('zlib step', () => {
  it('round-trips any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => assert.deepEqual(decompressZlib(compressZlib(bytes)), bytes)));
  });

  it('refuses data that is not zlib (uncompressed COSE)', () => {
    assert.throws(() => decompressZlib(Uint8Array.from([0xd2, 0x84, 0x43, 0xa1, 0x01, 0x26, 0xa0])), /not zlib data/);
  });

  it('refuses a stream with a damaged body or checksum', () => {
    const data = compressZlib(new TextEncoder().encode('a pass that says green, '.repeat(20)));
    const flippedTrailer = data.slice();
    flippedTrailer[flippedTrailer.length - 1]! ^= 0x01;
    assert.throws(() => decompressZlib(flippedTrailer), /Adler-32/);
    const truncated = data.subarray(0, data.length - 8);
    assert.throws(() => decompressZlib(truncated), /zlib/);
  });
});

describe('stored zlib (level 0)', () => {
  it('round-trips and costs no more space than level 9 on high-entropy bytes such as a signed pass', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 150, maxLength: 260 }), (bytes) => {
        const stored = compressZlib(bytes, 0);
        assert.deepEqual(decompressZlib(stored), bytes);
        assert.ok(stored.length <= compressZlib(bytes, 9).length + 1);
      }),
    );
  });
});
