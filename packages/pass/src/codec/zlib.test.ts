import { createHash } from 'node:crypto';
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
  it('round-trips any bytes with a fixed overhead of 11 bytes (header, one stored block, checksum)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 1000 }), (bytes) => {
        const stored = compressZlib(bytes, 0);
        assert.deepEqual(decompressZlib(stored), bytes);
        assert.equal(stored.length, bytes.length + 11);
      }),
    );
  });

  it('costs no more space than level 9 on high-entropy bytes such as a signed pass', () => {
    // Signatures and hashes do not compress: 200 bytes of a SHA-256 chain stand for a signed pass.
    const bytes = new Uint8Array(224);
    let block = createHash('sha256').update('pass').digest();
    for (let at = 0; at < bytes.length; at += 32) {
      bytes.set(block, at);
      block = createHash('sha256').update(block).digest();
    }
    assert.ok(compressZlib(bytes, 0).length <= compressZlib(bytes, 9).length + 1);
  });
});
