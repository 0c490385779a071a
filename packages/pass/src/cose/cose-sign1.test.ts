import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cborTag, encodeCbor } from '../cbor.js';
import { COSE_ALG } from './algorithms.js';
import { CWT_TAG, COSE_SIGN1_TAG, encodeCoseSign1, encodeProtectedHeader, parseCoseSign1, sigStructure } from './cose-sign1.js';

const kid = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
const payload = Uint8Array.from([0xa1, 0x01, 0x61, 0x41]);
const signature = new Uint8Array(64).fill(9);

describe('COSE_Sign1', () => {
  it('round-trips a tagged message with alg and kid in the protected header', () => {
    const parsed = parseCoseSign1(encodeCoseSign1(encodeProtectedHeader(COSE_ALG.ES256, kid), payload, signature));
    assert.equal(parsed.alg, COSE_ALG.ES256);
    assert.deepEqual(parsed.kid, kid);
    assert.equal(parsed.kidSource, 'protected');
    assert.deepEqual(parsed.payload, payload);
    assert.deepEqual(parsed.signature, signature);
  });

  it('builds the RFC 9052 Sig_structure', () => {
    const protectedBytes = encodeProtectedHeader(COSE_ALG.ES256, kid);
    assert.deepEqual(Buffer.from(sigStructure(protectedBytes, payload)), Buffer.from(encodeCbor(['Signature1', protectedBytes, new Uint8Array(0), payload])));
    assert.equal(Buffer.from(sigStructure(protectedBytes, payload).subarray(0, 12)).toString('hex'), '846a5369676e617475726531');
  });

  it('takes the kid from the unprotected header when the protected one has none, and accepts a CWT tag', () => {
    const protectedBytes = encodeCbor(new Map([[1, COSE_ALG.ES256]]));
    const message = encodeCbor(cborTag(CWT_TAG, cborTag(COSE_SIGN1_TAG, [protectedBytes, new Map([[4, kid]]), payload, signature])));
    const parsed = parseCoseSign1(message);
    assert.equal(parsed.kidSource, 'unprotected');
    assert.deepEqual(parsed.kid, kid);
  });

  it('prefers the protected kid over an unprotected one', () => {
    const other = Uint8Array.from([9, 9, 9, 9, 9, 9, 9, 9]);
    const message = encodeCbor(cborTag(COSE_SIGN1_TAG, [encodeProtectedHeader(COSE_ALG.ES256, kid), new Map([[4, other]]), payload, signature]));
    assert.deepEqual(parseCoseSign1(message).kid, kid);
  });

  it('refuses structures that are not COSE_Sign1', () => {
    assert.throws(() => parseCoseSign1(encodeCbor([1, 2, 3])), /array of 4/);
    assert.throws(() => parseCoseSign1(encodeCbor(['x', new Map(), payload, signature])), /protected header/);
    assert.throws(() => parseCoseSign1(encodeCbor([new Uint8Array(0), new Map(), 'text', signature])), /payload/);
    assert.throws(() => parseCoseSign1(Uint8Array.from([0x00, 0x91])), /CBOR/);
  });
});

describe('Sig_structure', () => {
  it('matches the generic CBOR encoder for byte strings of every head size', async () => {
    const fc = (await import('fast-check')).default;
    const sizes = fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 250, max: 260 }), fc.integer({ min: 65530, max: 65540 }));
    fc.assert(
      fc.property(sizes, sizes, (p, q) => {
        const protectedBytes = new Uint8Array(p).fill(1);
        const body = new Uint8Array(q).fill(2);
        assert.deepEqual(Buffer.from(sigStructure(protectedBytes, body)), Buffer.from(encodeCbor(['Signature1', protectedBytes, new Uint8Array(0), body])));
      }),
      { numRuns: 50 },
    );
  });
});
