import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import referenceBase45 from 'base45';
import { decodeBase45, encodeBase45 } from './base45.js';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('base45 (RFC 9285)', () => {
  it('encodes the RFC examples', () => {
    assert.equal(encodeBase45(text('AB')), 'BB8');
    assert.equal(encodeBase45(text('Hello!!')), '%69 VD92EX0');
    assert.equal(encodeBase45(text('base-45')), 'UJCLQE7W581');
    assert.deepEqual(decodeBase45('QED8WEX0'), text('ietf!'));
  });

  it('round-trips any bytes and agrees with the reference implementation', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const encoded = encodeBase45(bytes);
        assert.equal(encoded, referenceBase45.encode(Buffer.from(bytes)));
        assert.deepEqual(decodeBase45(encoded), bytes);
      }),
    );
  });

  it('refuses characters outside the alphabet, naming the position', () => {
    assert.throws(() => decodeBase45('BB8a'), /length 4/);
    assert.throws(() => decodeBase45('BBa'), /"a" at position 2/);
    assert.throws(() => decodeBase45('BB#'), /"#" at position 2/);
  });

  it('refuses a dangling character and overflowing groups', () => {
    assert.throws(() => decodeBase45('B'), /single character/);
    assert.throws(() => decodeBase45('GGW'), /over 65535/);
    assert.throws(() => decodeBase45('::'), /over 255/);
  });

  it('never throws anything but an Error on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        try {
          decodeBase45(s);
        } catch (error) {
          assert.ok(error instanceof Error);
        }
      }),
    );
  });
});
